import { exchangeResult } from "./exchange-result.js";
import type { HistoryEntry } from "./history-entry.js";
import type { SendResult } from "./send-result.js";

/** A history entry as the result panel shows it (after a reload, or when opened from the History). */
export function resultFromEntry(entry: HistoryEntry): SendResult {
  const { response } = entry;
  return exchangeResult({
    at: entry.createdAt,
    draft: entry.draft,
    proxyUrl: entry.proxyUrl,
    ...(response
      ? {
          exchange: {
            status: response.status,
            headers: response.headers,
            body: response.body,
            bodyText:
              typeof response.body === "string" ? response.body : JSON.stringify(response.body ?? null),
            attempts: entry.timings.attempts ?? 1,
            requestBytes: 0,
          },
        }
      : {
          failure: {
            code: "NoAnswer",
            message: entry.summary,
            meaning: "no answer was received",
            action: "Re-run it.",
            retryable: true,
          },
        }),
    timings: entry.timings,
    serverTiming: entry.timings.server,
    requestHeaders: [],
  });
}
