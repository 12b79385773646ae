import type { SendResult } from "./send-result.js";

/** The one-line outcome of a send: "Passed (SubCode 200)", "Not passed (SubCode 205)", "image_rejected (HTTP 422)"... */
export function sendSummary(result: Pick<SendResult, "answer" | "failure" | "exchange">): string {
  const { answer, failure, exchange } = result;
  if (answer) return `${answer.passed ? "Passed" : "Not passed"} (SubCode ${answer.subCode})`;
  return `${failure?.code ?? "Error"}${exchange ? ` (HTTP ${exchange.status})` : ""}`;
}

/** The log line of a finished send: its summary, how long it took, and the attempts when there were retries. */
export function sendLogLine(
  result: Pick<SendResult, "answer" | "failure" | "exchange">,
  requestMs: number,
): string {
  const attempts =
    result.exchange && result.exchange.attempts > 1 ? ` after ${result.exchange.attempts} attempts` : "";
  return `${sendSummary(result)} in ${Math.round(requestMs)} ms${attempts}.`;
}
