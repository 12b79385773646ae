/**
 * The nearest-rank percentile of `samples` (p in 0..100): the smallest sample with at least p% of the
 * samples at or below it.
 * @param {number[]} samples
 * @param {number} p
 * @returns {number}
 */
export function percentile(samples, p) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
