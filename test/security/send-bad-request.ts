import type { OutgoingRequest } from "./corpus/bad-request-case.js";
import { exchangeOverSocket, type ReceivedAnswer } from "./socket-exchange.js";

/** The face-liveness route, where every case goes unless it names another path. */
export const FACE_LIVENESS_PATH = "/v1/face-liveness";

/**
 * Sends one request of the corpus to the proxy at `origin` and returns its answer; rejects when there is
 * none within `timeoutMs`, or within the request's own shorter `answerWithinMs` (a hang is a failure,
 * never a wait).
 */
export async function sendBadRequest(
  origin: string,
  request: OutgoingRequest,
  timeoutMs: number,
): Promise<ReceivedAnswer> {
  if (request.via === "socket") {
    const needs = request.answerWithinMs ?? timeoutMs;
    const answer = exchangeOverSocket(origin, request.chunks, Math.min(timeoutMs, needs), {
      pauseMs: request.pauseMs,
    });
    if (needs <= timeoutMs) return answer;
    // The proxy may rightly take longer than the runner waits: its body timeouts are too long for the suite.
    return answer.catch((error: unknown) => {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}; the case allows ${needs} ms: start the ` +
          "stack with lower BODY_IDLE_TIMEOUT_MS / BODY_DEADLINE_MS (LIVENESS_PROXY_VARS)",
      );
    });
  }
  const init: RequestInit & { duplex?: "half" } = {
    method: request.method ?? "POST",
    headers: request.headers,
    signal: AbortSignal.timeout(timeoutMs),
  };
  // Node's fetch takes any Uint8Array; the DOM typings want an ArrayBuffer-backed one.
  if (request.body !== undefined) init.body = request.body as BodyInit;
  if (request.body instanceof ReadableStream) init.duplex = "half";
  const response = await fetch(`${origin}${request.path ?? FACE_LIVENESS_PATH}`, init);
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
}

/**
 * True for the answer `wrangler dev` itself gives when the Worker was reloaded (a source file changed)
 * while a request was in flight: a plain-text 503 that the proxy never sends. Such a request never got
 * the proxy's answer, so a case is built afresh (new token, new ids) and sent again.
 */
export function isDevServerRestart(answer: ReceivedAnswer): boolean {
  return (
    answer.status === 503 &&
    !answer.headers["content-type"]?.startsWith("application/json") &&
    answer.body.startsWith("Your worker restarted mid-request.")
  );
}
