/** One line of the Log tab. Messages never hold a raw user id, a caller key or image bytes. */
export interface LogEntry {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly level: "info" | "warn" | "error";
  readonly message: string;
}

/** The lines kept; older ones drop off. */
export const LOG_LIMIT = 500;

/** The log with `entry` appended, trimmed to {@link LOG_LIMIT}. */
export function appendLog(log: readonly LogEntry[], entry: LogEntry): LogEntry[] {
  const next = [...log, entry];
  return next.length > LOG_LIMIT ? next.slice(next.length - LOG_LIMIT) : next;
}
