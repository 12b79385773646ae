import type { ServerTimingMetric } from "../send/server-timing.js";

/** The client's own measurements of one send, in milliseconds. */
export interface ClientTimings {
  /** Compressing the picked image (done when it was picked). */
  readonly compressMs?: number;
  /** Hashing the user id (done while typing). */
  readonly hashMs?: number;
  /** Base64-encoding the image and serialising the body. */
  readonly encodeMs?: number;
  /** From the first byte sent to the whole answer read, retries included. */
  readonly requestMs: number;
}

/** One bar of the Timeline tab. */
export interface TimelinePhase {
  readonly name: string;
  readonly source: "client" | "server" | "network";
  /** Offset from the start of the first phase. */
  readonly start: number;
  readonly duration: number;
  /** For server phases: the server's description; for network: why it is an estimate. */
  readonly note?: string;
}

/**
 * Lays out one send as bars: the client phases one after another, and within the request the proxy's
 * `Server-Timing` phases (validate, sign, upstream). The server cannot say when its phases start relative to
 * the client, so the time the server does not account for is split as network before and after.
 */
export function buildTimeline(client: ClientTimings, server: readonly ServerTimingMetric[]): TimelinePhase[] {
  const phases: TimelinePhase[] = [];
  let cursor = 0;
  const clientPhase = (name: string, duration: number | undefined) => {
    if (duration === undefined || !(duration >= 0)) return;
    phases.push({ name, source: "client", start: cursor, duration });
    cursor += duration;
  };
  clientPhase("compress image", client.compressMs);
  clientPhase("hash user id", client.hashMs);
  clientPhase("encode body", client.encodeMs);
  const requestStart = cursor;
  phases.push({
    name: "request (round trip)",
    source: "client",
    start: requestStart,
    duration: client.requestMs,
  });
  const timed = server.filter((metric) => metric.duration !== undefined && metric.duration >= 0);
  const serverTotal = timed.reduce((sum, metric) => sum + (metric.duration ?? 0), 0);
  // Server phases can exceed the round trip only through clock granularity; never draw outside the request.
  const scale = serverTotal > client.requestMs && serverTotal > 0 ? client.requestMs / serverTotal : 1;
  const unexplained = Math.max(0, client.requestMs - serverTotal * scale);
  let serverCursor = requestStart;
  if (timed.length > 0 && unexplained > 0) {
    phases.push({
      name: "network out",
      source: "network",
      start: serverCursor,
      duration: unexplained / 2,
      note: "estimated",
    });
  }
  serverCursor += timed.length > 0 ? unexplained / 2 : 0;
  for (const metric of timed) {
    const duration = (metric.duration ?? 0) * scale;
    phases.push({
      name: metric.name,
      source: "server",
      start: serverCursor,
      duration,
      ...(metric.description ? { note: metric.description } : {}),
    });
    serverCursor += duration;
  }
  if (timed.length > 0 && unexplained > 0) {
    phases.push({
      name: "network back",
      source: "network",
      start: serverCursor,
      duration: unexplained / 2,
      note: "estimated",
    });
  }
  return phases;
}
