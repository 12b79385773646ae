import type { TimedReader } from "./timed-reader.js";

/** The bounds of a drain: bytes, total time, and the longest wait for one chunk. */
export interface DiscardBounds {
  maxBytes: number;
  maxMs: number;
  idleMs: number;
}

/** Why a drain stopped, and how much it threw away. */
export interface DiscardOutcome {
  bytes: number;
  stoppedBy: "end" | "bytes" | "time" | "idle" | "error";
}

/**
 * Reads the rest of a body and throws it away, within `bounds`, then cancels the reader: the "lingering
 * close" of nginx (`lingering_time`, `lingering_timeout`). A client that is still uploading when the
 * answer is decided then finishes its upload and reads the answer, instead of meeting a reset; an
 * endless or stalled upload cannot hold the Worker past the bounds. Never throws.
 */
export async function discardBody(reader: TimedReader, bounds: DiscardBounds): Promise<DiscardOutcome> {
  const deadline = Date.now() + bounds.maxMs;
  let bytes = 0;
  let stoppedBy: DiscardOutcome["stoppedBy"] = "time";
  try {
    for (;;) {
      const timeLeft = deadline - Date.now();
      if (timeLeft <= 0) break;
      const wait = Math.min(bounds.idleMs, timeLeft);
      const chunk = await reader.read(wait);
      if (chunk === undefined) {
        stoppedBy = wait < bounds.idleMs ? "time" : "idle";
        break;
      }
      if (chunk.done) {
        stoppedBy = "end";
        break;
      }
      bytes += chunk.value.byteLength;
      if (bytes > bounds.maxBytes) {
        stoppedBy = "bytes";
        break;
      }
    }
  } catch {
    // The client went away: nothing left to protect.
    stoppedBy = "error";
  }
  if (stoppedBy !== "end") await reader.cancel();
  return { bytes, stoppedBy };
}
