import type { Tree } from "@lezer/common";
import { requestFieldAt, requestFieldNames } from "@liveness-kit/contract";
import { createMerchantBizId } from "@liveness-kit/core/request";
import { jsonCursorAt } from "./json-cursor.js";
import { IMAGE_PLACEHOLDER } from "./request-draft.js";

/** One completion (CodeMirror's `Completion` shape, minus what the editor adds). */
export interface RequestCompletion {
  readonly label: string;
  /** The text inserted in place of the token under the cursor. */
  readonly apply: string;
  readonly type: "property" | "constant" | "text";
  readonly detail?: string;
  readonly info?: string;
}

/** What the completion may offer besides fixed values: the hash of the user id typed in the form. */
export interface CompletionContext {
  readonly userIdHash?: string | undefined;
}

/**
 * The completions at `pos` of the request JSON and the range they replace: the whole token under the cursor,
 * quotes included (so an editor's auto-closed quote is replaced too). Options are filtered by what is typed.
 * In the editor, pass its syntax tree of `text` to skip parsing it again.
 */
export function completeRequest(
  text: string,
  pos: number,
  context: CompletionContext = {},
  tree?: Tree,
): { from: number; to: number; options: RequestCompletion[] } | undefined {
  const cursor = jsonCursorAt(text, pos, tree);
  const typed = text.slice(cursor.from + (cursor.quoted ? 1 : 0), pos).toLowerCase();
  const to = tokenEnd(text, pos, cursor.quoted);
  const matching = (options: RequestCompletion[]) =>
    options.filter(
      (option) =>
        option.label.toLowerCase().startsWith(typed) || option.apply.toLowerCase().startsWith(`"${typed}`),
    );
  if (cursor.kind === "key") {
    const options = requestFieldNames(cursor.path)
      .filter((name) => !cursor.siblings.includes(name))
      .map((name): RequestCompletion => {
        const field = requestFieldAt([...cursor.path, name])!;
        return {
          label: name,
          apply: `"${name}": `,
          type: "property",
          detail: `${field.type}${field.required ? ", required" : ""}`,
          info: field.summary,
        };
      });
    const found = matching(options);
    return found.length > 0 ? { from: cursor.from, to, options: found } : undefined;
  }
  if (cursor.kind === "value") {
    const found = matching(valuesFor(cursor.path.join("."), context));
    return found.length > 0 ? { from: cursor.from, to, options: found } : undefined;
  }
  return undefined;
}

/** Where the token under the cursor ends: after the closing quote of a string on the same line, or after a bare word. */
function tokenEnd(text: string, pos: number, quoted: boolean): number {
  let i = pos;
  if (quoted) {
    while (i < text.length && text[i] !== '"' && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
    return text[i] === '"' ? i + 1 : pos;
  }
  while (i < text.length && /[^\s,:[\]{}"]/.test(text[i]!)) i++;
  return i;
}

function valuesFor(path: string, context: CompletionContext): RequestCompletion[] {
  const info = requestFieldAt(path.split("."))?.summary;
  const text = (label: string, value: string, detail: string): RequestCompletion => ({
    label,
    apply: JSON.stringify(value),
    type: "text",
    detail,
    ...(info ? { info } : {}),
  });
  switch (path) {
    case "merchantBizId":
      return [text(createMerchantBizId(), createMerchantBizId(), "a fresh MerchantBizId")];
    case "merchantUserId":
      return context.userIdHash
        ? [text(context.userIdHash, context.userIdHash, "SHA-256 of the user id in the form")]
        : [];
    case "faceQualityCheck":
      return [
        {
          label: "true",
          apply: "true",
          type: "constant",
          detail: "reject low-quality photos",
          ...(info ? { info } : {}),
        },
        {
          label: "false",
          apply: "false",
          type: "constant",
          detail: "score them (default)",
          ...(info ? { info } : {}),
        },
      ];
    case "image":
      return [
        {
          label: '{ "base64": "<image>" }',
          apply: `{ "base64": "${IMAGE_PLACEHOLDER}" }`,
          type: "text",
          detail: "the picked image",
        },
        {
          label: '{ "url": "https://..." }',
          apply: '{ "url": "https://" }',
          type: "text",
          detail: "a public HTTPS URL",
        },
      ];
    case "image.base64":
      return [text(IMAGE_PLACEHOLDER, IMAGE_PLACEHOLDER, "the picked image, base64 on send")];
    case "image.url":
      return [text("https://", "https://", "a public HTTPS URL of a JPEG or PNG")];
    default:
      return [];
  }
}
