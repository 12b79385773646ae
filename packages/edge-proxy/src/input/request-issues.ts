import { REQUEST_FIELDS } from "@liveness-kit/contract";
import type * as v from "valibot";

/** One problem of a request body, in the shape core uses for its `ValidationIssue`. */
export interface RequestIssue {
  field: string;
  code: string;
  message: string;
}

const RULES: Readonly<Record<string, { readonly rule: string }>> = REQUEST_FIELDS;

/**
 * Turns valibot's issues into `{ field, code, message }`: the message is the one the contract's schemas
 * give, the rule of the field (never valibot's default, which quotes the value received: it could be a
 * raw user id or an image); the code says what kind of problem it is.
 */
export function toRequestIssues(issues: readonly v.BaseIssue<unknown>[]): RequestIssue[] {
  return issues.map((issue) => {
    const field = (issue.path ?? [])
      .map((item) => String(item.key))
      .join(".")
      .slice(0, 80);
    if (issue.type === "strict_object" && issue.expected === "never") {
      return { field, code: "unknown_field", message: `${field} is not a known field` };
    }
    const { message } = issue;
    if (field === "image" && issue.type === "entries") return { field, code: "one_picture_source", message };
    if (issue.type === "max_length") return { field, code: "too_long", message };
    if (issue.input === undefined && issue.kind === "schema") {
      // A missing key's issue carries its parent's message: the field's own rule says more.
      const rule = RULES[field]?.rule;
      return { field, code: "required", message: `${field} is required${rule ? `: ${rule}` : ""}` };
    }
    return { field, code: issue.kind === "schema" ? "invalid_type" : "invalid_format", message };
  });
}
