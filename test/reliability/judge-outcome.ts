import type { ProxyOutcome } from "./send-face-liveness.js";

/** What a request ended in, once judged. */
export type Verdict =
  | { kind: "result"; transactionId: string }
  | { kind: "clean-error"; status: number; code: string }
  | { kind: "broken"; problem: string };

/**
 * Judges one outcome: a billed result for `merchantBizId` (200 with the documented shape), or a clean
 * error (a 4xx or 5xx other than 500, as JSON `{ code, message, requestId }`, with `Retry-After` on 429
 * and 503). Anything else (no answer, a 500, a body that is not that JSON) is "broken", with the reason.
 */
export function judgeOutcome(outcome: ProxyOutcome, merchantBizId: string): Verdict {
  if (outcome.kind === "no-answer") {
    return { kind: "broken", problem: `no answer after ${Math.round(outcome.ms)} ms (${outcome.reason})` };
  }
  const { status, headers, text } = outcome;
  if (!headers["content-type"]?.startsWith("application/json")) {
    return { kind: "broken", problem: `${status} with content-type ${headers["content-type"] ?? "(none)"}` };
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { kind: "broken", problem: `${status} with a body that is not JSON` };
  }
  if (status === 200) {
    const face = body.face as Record<string, unknown> | undefined;
    const shaped =
      body.merchantBizId === merchantBizId &&
      typeof body.transactionId === "string" &&
      typeof body.passed === "boolean" &&
      typeof body.subCode === "string" &&
      typeof body.requestId === "string" &&
      typeof face?.qualityScore === "number";
    return shaped
      ? { kind: "result", transactionId: body.transactionId as string }
      : { kind: "broken", problem: `200 without the result shape: ${text.slice(0, 200)}` };
  }
  const { code, message, requestId } = body;
  if (status < 400 || status === 500 || status > 599) {
    return { kind: "broken", problem: `status ${status} (${String(code)})` };
  }
  if (
    typeof code !== "string" ||
    code === "" ||
    typeof message !== "string" ||
    typeof requestId !== "string"
  ) {
    return { kind: "broken", problem: `${status} without the JSON error shape: ${text.slice(0, 200)}` };
  }
  if ((status === 429 || status === 503) && !/^\d+$/.test(headers["retry-after"] ?? "")) {
    return { kind: "broken", problem: `${status} ${code} without Retry-After` };
  }
  return { kind: "clean-error", status, code };
}
