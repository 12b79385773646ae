import { draftToBody, type RequestDraft } from "../../request/request-draft.js";
import { IMAGE_MARKER } from "./snippet-input.js";

/**
 * The request body as a JavaScript object literal (indented by `indent`), the image given by the variable
 * `imageVariable` in base64 mode.
 */
export function bodyLiteral(draft: RequestDraft, imageVariable: string, indent: string): string {
  return JSON.stringify(draftToBody(draft, IMAGE_MARKER), null, 2)
    .replace(JSON.stringify(IMAGE_MARKER), imageVariable)
    .replaceAll("\n", `\n${indent}`);
}
