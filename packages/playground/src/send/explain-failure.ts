import { describeApiError } from "@liveness-kit/core/spec";
import { unqualifiedPhotoMeaning } from "./low-scores.js";
import { readProxyError } from "./read-answer.js";

/** A failed send, explained: what came back, what it means and what to do. */
export interface FailureExplanation {
  /** The error code (the proxy's or Alibaba's), or `ProxyUnreachable` / `Timeout` / `NotJson`. */
  readonly code: string;
  readonly httpStatus?: number;
  /** The message the server sent, as sent. */
  readonly message: string;
  readonly meaning: string;
  /** What to do about it: the server's own hint when it sent one. */
  readonly action: string;
  readonly retryable: boolean;
  readonly requestId?: string;
  /** The server's structured details (e.g. core's image report), when sent. */
  readonly details?: unknown;
}

// What the proxy's own HTTP statuses mean when the code is not one of Alibaba's (core's table covers those).
const PROXY_STATUS: Readonly<Record<number, readonly [meaning: string, action: string]>> = {
  400: [
    "the proxy refused the request body",
    "Fix the field named in the message; the JSON editor's lint shows the rules.",
  ],
  401: [
    "the proxy did not accept the caller key",
    "Check Settings > Caller key (the local stack uses dev-caller-key).",
  ],
  403: [
    "the proxy refused this caller or origin",
    "Check the caller key, and that this page's origin is in the proxy's allowed origins.",
  ],
  404: [
    "no such route on the proxy",
    "Check Settings > Proxy URL: it should be the proxy's base URL, without /v1/face-liveness.",
  ],
  413: [
    "the request body is over the proxy's limit",
    "Send a compressed image: at most 600 KB before base64.",
  ],
  415: ["the proxy expects another content type", "Send application/json (the playground does)."],
  422: [
    "the image or a field breaks the API's rules",
    "Read the details: they carry core's report and its fix.",
  ],
  429: ["too many requests for this caller or region", "Wait for the Retry-After time, then send again."],
  502: [
    "the upstream (Alibaba or the emulator) answered badly",
    "Retry; if it persists, check the upstream (npm start runs the emulator).",
  ],
  503: [
    "the upstream is unavailable or the proxy's circuit is open",
    "Retry after a moment; the proxy fails over between regions.",
  ],
  504: ["the upstream did not answer in time", "Retry; check the upstream's latency."],
};

/**
 * Explains an error answer: Alibaba's codes come from core's table (`describeApiError`), the proxy's own codes
 * are explained by their HTTP status, and a body that is not the documented shape is reported as such.
 */
export function explainErrorAnswer(status: number, body: unknown, bodyText: string): FailureExplanation {
  const error = readProxyError(body);
  if (!error) {
    return {
      code: "NotJson",
      httpStatus: status,
      message: bodyText.slice(0, 300) || `HTTP ${status} with an empty body`,
      meaning: "the answer is not the proxy's JSON error shape: another server may be listening on this URL",
      action: "Check Settings > Proxy URL points to the liveness-kit proxy.",
      retryable: status >= 500,
    };
  }
  const known = describeApiError(error.code, status);
  const byStatus = PROXY_STATUS[status];
  const fromTable = known.source !== "unknown";
  const meaning = fromTable || !byStatus ? known.meaning : byStatus[0];
  const action = fromTable || !byStatus ? known.action : byStatus[1];
  const unqualified = error.code === "UnqualifiedPhoto";
  return {
    code: error.code,
    httpStatus: status,
    message: error.message,
    meaning: unqualified ? unqualifiedPhotoMeaning(error.message, error.details) : meaning,
    action: unqualified
      ? `${error.hint ?? action} To read every score, send it again with FaceQualityCheck off: the answer then carries them.`
      : (error.hint ?? action),
    retryable: error.retryable ?? known.retryable,
    ...(error.requestId ? { requestId: error.requestId } : {}),
    ...(error.details !== undefined ? { details: error.details } : {}),
  };
}

/**
 * Explains a send that got no answer, using a `/healthz` probe made right after: the proxy is down, or it is
 * up and this request failed (CORS refusal, dropped connection), or it timed out.
 */
export function explainNoAnswer(
  kind: "network" | "timeout",
  proxyUrl: string,
  health: { reachable: boolean; up: boolean; corsBlocked?: boolean },
): FailureExplanation {
  const origin = typeof location === "undefined" ? "this page's origin" : location.origin;
  if (kind === "network" && health.corsBlocked) {
    return {
      code: "OriginNotAllowed",
      message: `The proxy at ${proxyUrl} is up, but it does not allow this page's origin (${origin}); the browser hides its answers.`,
      meaning: "CORS: the proxy's allowed origins do not include this page",
      action: `Open the playground at http://localhost:5173 or http://127.0.0.1:5173, or add ${origin} to the proxy's ALLOWED_ORIGINS.`,
      retryable: false,
    };
  }
  if (kind === "timeout") {
    return {
      code: "Timeout",
      message: `No answer from ${proxyUrl} in time.`,
      meaning: health.reachable
        ? "the proxy is up, but this request took too long"
        : "the proxy is not answering",
      action: health.reachable
        ? "Send again, or raise Settings > Timeout; the upstream may be slow."
        : "Start the local stack with npm start, or fix Settings > Proxy URL.",
      retryable: true,
    };
  }
  if (!health.reachable) {
    return {
      code: "ProxyUnreachable",
      message: `Could not connect to ${proxyUrl}: the proxy is down (its /healthz does not answer either).`,
      meaning: "the proxy is not running or the URL is wrong",
      action:
        "Start the local stack with npm start (the proxy listens on http://127.0.0.1:8787), or fix Settings > Proxy URL.",
      retryable: true,
    };
  }
  return {
    code: "RequestBlocked",
    message: `The proxy at ${proxyUrl} is up (its /healthz answers), but this request failed without an answer.`,
    meaning:
      "the browser blocked the answer (CORS: this origin is not allowed) or the connection was dropped",
    action: `Add ${origin} to the proxy's allowed origins, or send again.`,
    retryable: true,
  };
}
