import { DEV_CALLER_KEY } from "../result/snippets/code-snippets.js";

/** The caller key as shown in the Headers tab: the public dev key in full, any other masked. */
export function maskCallerKey(key: string): string {
  return key === DEV_CALLER_KEY ? key : `${key.slice(0, 3)}… (${key.length} characters, hidden)`;
}

/** The request headers of a send as the Headers tab shows them, with the caller key masked. */
export function requestHeadersShown(callerKey: string): [string, string][] {
  return [
    ["content-type", "application/json"],
    ["authorization", `Bearer ${maskCallerKey(callerKey)}`],
  ];
}
