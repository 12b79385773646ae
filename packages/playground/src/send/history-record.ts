import type { PickedImage } from "../image/picked-image.js";
import { createHistoryEntry, type HistoryEntry } from "./history-entry.js";
import type { SendResult } from "./send-result.js";
import { sendSummary } from "./send-summary.js";

/**
 * The history entry of a finished send: the request and answer, facts about the image (never its bytes) and,
 * only when the developer chose to keep them, its thumbnail (a face is biometric data).
 */
export function historyRecord(
  result: SendResult,
  image: PickedImage | undefined,
  options: { readonly proxyUrl: string; readonly keepThumbnails: boolean },
): HistoryEntry {
  const { answer, exchange } = result;
  const compressed = image?.compressed;
  return createHistoryEntry({
    proxyUrl: options.proxyUrl,
    draft: result.draft,
    ...(compressed?.width && compressed.height
      ? {
          image: {
            bytes: compressed.bytes.length,
            width: compressed.width,
            height: compressed.height,
            format: compressed.preflight.report.info?.format ?? "unknown",
          },
        }
      : {}),
    ...(image?.thumbnail && options.keepThumbnails ? { thumbnail: image.thumbnail } : {}),
    outcome: answer ? (answer.passed ? "passed" : "not-passed") : "error",
    summary: sendSummary(result),
    ...(exchange
      ? {
          response: {
            status: exchange.status,
            headers: exchange.headers,
            body: exchange.body ?? exchange.bodyText,
          },
        }
      : {}),
    timings: {
      ...(result.timings ?? { requestMs: 0 }),
      server: result.serverTiming,
      ...(exchange ? { attempts: exchange.attempts } : {}),
    },
  });
}
