import type { JsonAnswer } from "./json-answer.js";

/**
 * Turns an answer into the HTTP response every route sends: JSON, never cached, never sniffed.
 * `extraHeaders` win over the answer's own.
 */
export function jsonResponse(answer: JsonAnswer, extraHeaders: Record<string, string> = {}): Response {
  const headers = new Headers({
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  for (const [name, value] of Object.entries(answer.headers)) headers.set(name, value);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
}
