import type { HistoryEntry } from "./history-entry.js";

/** Which outcomes the History shows. */
export type OutcomeFilter = "all" | HistoryEntry["outcome"];

/**
 * The entries matching a search (every word, case-insensitive, in the summary, MerchantBizId, proxy URL,
 * error code, time or picture URL) and an outcome.
 */
export function filterHistory(
  entries: readonly HistoryEntry[],
  query: string,
  outcome: OutcomeFilter,
): HistoryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (outcome !== "all" && entry.outcome !== outcome) return false;
    const body = entry.response?.body;
    const code = typeof body === "object" && body !== null ? (body as { code?: unknown }).code : undefined;
    const text = [
      entry.summary,
      entry.body.merchantBizId ?? "",
      entry.proxyUrl,
      typeof code === "string" ? code : "",
      entry.createdAt,
      entry.draft.imageSource === "url" ? entry.draft.imageUrl : "",
      entry.response ? `http ${entry.response.status}` : "no answer",
    ]
      .join(" ")
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
