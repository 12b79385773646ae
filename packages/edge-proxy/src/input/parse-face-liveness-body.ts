import * as v from "valibot";
import { ProxyError } from "../answers/proxy-error.js";
import type { BodyReadLimits } from "./body-read-limits.js";
import {
  FaceLivenessFormSchema,
  FaceLivenessJsonSchema,
  type RequestIssue,
  toRequestIssues,
} from "./face-liveness-schema.js";
import { readBoundedBody } from "./read-bounded-body.js";

/** Where the picture comes from, as the caller sent it (not yet decoded or checked). */
export type PictureSource =
  | { kind: "base64"; base64: string }
  | { kind: "url"; url: string }
  | { kind: "file"; bytes: Uint8Array };

/** A request body that passed the schema. */
export interface FaceLivenessBody {
  merchantBizId?: string;
  merchantUserId: string;
  faceQualityCheck: boolean;
  picture: PictureSource;
}

/**
 * Reads (bounded in size and time) and validates the body of `POST /v1/face-liveness`, JSON or
 * multipart/form-data. Every problem becomes a 4xx `ProxyError`: 415 for another media type, 413 over
 * the limit, 408 for a body that stalls, 400 with the list of issues for anything the schema refuses.
 */
export async function parseFaceLivenessBody(
  request: Request,
  limits: BodyReadLimits,
): Promise<FaceLivenessBody> {
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType !== "application/json" && mediaType !== "multipart/form-data") {
    throw new ProxyError(415, "unsupported_media_type", "Send application/json or multipart/form-data.");
  }
  const bytes = await readBoundedBody(request, limits);
  return mediaType === "application/json" ? parseJson(bytes) : parseMultipart(bytes, contentType);
}

function parseJson(bytes: Uint8Array): FaceLivenessBody {
  let value: unknown;
  // valibot's strict objects do not see an own `__proto__` key; the parser reports it instead.
  let prototypeKey = false;
  try {
    value = JSON.parse(
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes),
      (key, item) => {
        if (key === "__proto__") prototypeKey = true;
        return item;
      },
    );
  } catch {
    throw new ProxyError(400, "invalid_json", "The body is not valid UTF-8 JSON.");
  }
  if (Array.isArray(value)) {
    throw invalid([{ field: "", code: "invalid_type", message: "the body must be a JSON object" }]);
  }
  const parsed = v.safeParse(FaceLivenessJsonSchema, value);
  const extra: RequestIssue[] = prototypeKey
    ? [{ field: "__proto__", code: "unknown_field", message: "__proto__ is not a known field" }]
    : [];
  if (!parsed.success || extra.length > 0) {
    throw invalid([...extra, ...(parsed.success ? [] : toRequestIssues(parsed.issues))]);
  }
  const { merchantBizId, merchantUserId, image, faceQualityCheck } = parsed.output;
  const picture: PictureSource =
    image.base64 !== undefined
      ? { kind: "base64", base64: image.base64 }
      : { kind: "url", url: image.url ?? "" };
  return {
    ...(merchantBizId === undefined ? {} : { merchantBizId }),
    merchantUserId,
    faceQualityCheck: faceQualityCheck ?? false,
    picture,
  };
}

async function parseMultipart(bytes: Uint8Array, contentType: string): Promise<FaceLivenessBody> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new ProxyError(400, "invalid_multipart", "The body is not valid multipart/form-data.");
  }
  const fields: Record<string, File | string> = {};
  const duplicates: RequestIssue[] = [];
  for (const [name, value] of form.entries()) {
    if (Object.hasOwn(fields, name)) {
      duplicates.push({
        field: name.slice(0, 80),
        code: "duplicate_field",
        message: `${name.slice(0, 80)} is sent more than once`,
      });
    }
    fields[name] = value;
  }
  const parsed = v.safeParse(FaceLivenessFormSchema, fields);
  if (!parsed.success || duplicates.length > 0) {
    throw invalid([...duplicates, ...(parsed.success ? [] : toRequestIssues(parsed.issues))]);
  }
  const { merchantBizId, merchantUserId, faceQualityCheck, image } = parsed.output;
  return {
    ...(merchantBizId === undefined ? {} : { merchantBizId }),
    merchantUserId,
    faceQualityCheck: faceQualityCheck === "true",
    picture: { kind: "file", bytes: new Uint8Array(await image.arrayBuffer()) },
  };
}

/** More issues than this are cut: a body of a thousand unknown fields gets a short answer. */
const MAX_ISSUES = 20;

function invalid(all: RequestIssue[]): ProxyError {
  const issues = all.slice(0, MAX_ISSUES);
  const summary = issues.map((issue) => issue.message).join("; ");
  const more = all.length > MAX_ISSUES ? ` (and ${all.length - MAX_ISSUES} more)` : "";
  return new ProxyError(400, "invalid_request", `The request is not valid: ${summary}${more}.`, {
    details: { issues },
  });
}
