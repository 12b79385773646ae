import { buildTimeline } from "../result/timeline.js";
import { explainErrorAnswer } from "./explain-failure.js";
import type { HistoryEntry } from "./history-entry.js";
import { readProxyAnswer } from "./read-answer.js";
import type { SendResult } from "./send-result.js";

/** A history entry as the result panel shows it (after a reload, or when opened from the History). */
export function resultFromEntry(entry: HistoryEntry): SendResult {
  const response = entry.response;
  const answer = response && response.status < 300 ? readProxyAnswer(response.body) : undefined;
  const bodyText =
    typeof response?.body === "string" ? response.body : JSON.stringify(response?.body ?? null);
  const serverTiming = entry.timings.server;
  return {
    at: entry.createdAt,
    draft: entry.draft,
    proxyUrl: entry.proxyUrl,
    kind: answer ? "answer" : "error",
    ...(response
      ? {
          exchange: {
            status: response.status,
            headers: response.headers,
            body: response.body,
            bodyText,
            attempts: entry.timings.attempts ?? 1,
            requestBytes: 0,
          },
        }
      : {}),
    ...(answer ? { answer } : {}),
    ...(!answer && response ? { failure: explainErrorAnswer(response.status, response.body, bodyText) } : {}),
    ...(!response
      ? {
          failure: {
            code: "NoAnswer",
            message: entry.summary,
            meaning: "no answer was received",
            action: "Re-run it.",
            retryable: true,
          },
        }
      : {}),
    timings: entry.timings,
    serverTiming,
    timeline: buildTimeline(entry.timings, serverTiming),
    requestHeaders: [],
    idempotentReplay:
      response?.headers.some(([name, value]) => name === "idempotent-replay" && value === "true") ?? false,
  };
}
