import type { RequestDraft } from "../../request/request-draft.js";

/** The caller key of the local stack: public, so snippets may spell it out; any other key stays in an env var. */
export const DEV_CALLER_KEY = "dev-caller-key";

/** What a snippet is generated from: the request and where it goes. Never image bytes. */
export interface SnippetInput {
  readonly proxyUrl: string;
  readonly callerKey: string;
  readonly draft: RequestDraft;
  /** The receipt of the answer on screen, for the "verify on your server" snippets. */
  readonly receipt?: string | undefined;
}

/** The proxy's face-liveness endpoint under a base URL. */
export function endpoint(proxyUrl: string): string {
  return `${proxyUrl.replace(/\/+$/, "")}/v1/face-liveness`;
}

/** A placeholder for the base64 image that no JSON value of a draft can contain. */
export const IMAGE_MARKER = "@@IMAGE@@";
