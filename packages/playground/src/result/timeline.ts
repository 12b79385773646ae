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
  /** Nesting level: 0 for the client phases and the network, 1 for the proxy's total, 2 inside it, ... */
  readonly depth: number;
  /** For server phases: the server's description; for network: how it was worked out. */
  readonly note?: string;
}

/**
 * Which proxy phase each phase runs inside (the proxy's `Server-Timing`: `total` holds `validate` and
 * `upstream`; `upstream` holds `gate`, `sign` and `fetch`). A phase not named here sits inside `total`.
 */
const PARENT: Readonly<Record<string, string>> = {
  validate: "total",
  upstream: "total",
  gate: "upstream",
  sign: "upstream",
  fetch: "upstream",
};

/**
 * Lays out one send as a waterfall: the client phases one after another, then the round trip, and inside it
 * the proxy's `Server-Timing` phases as they nest (children one after another from their parent's start, in
 * header order: the header says how long, not when). The network time is the round trip minus the proxy's
 * total (or, without `total`, its outermost phases), drawn half before and half after.
 */
export function buildTimeline(client: ClientTimings, server: readonly ServerTimingMetric[]): TimelinePhase[] {
  const phases: TimelinePhase[] = [];
  let cursor = 0;
  const clientPhase = (name: string, duration: number | undefined) => {
    if (duration === undefined || !(duration >= 0)) return;
    phases.push({ name, source: "client", start: cursor, duration, depth: 0 });
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
    depth: 0,
  });

  const timed = server.filter((metric) => metric.duration !== undefined && metric.duration >= 0);
  if (timed.length === 0) return phases;
  const names = new Set(timed.map((metric) => metric.name));
  const parentOf = (name: string): string | undefined => {
    const parent = PARENT[name] ?? (name === "total" ? undefined : "total");
    return parent !== undefined && names.has(parent) ? parent : undefined;
  };
  const childrenOf = (parent: string | undefined) =>
    timed.filter((metric) => metric !== undefined && parentOf(metric.name) === parent);

  const roots = childrenOf(undefined);
  const proxyTotal = roots.reduce((sum, metric) => sum + (metric.duration ?? 0), 0);
  // The proxy can report more than the round trip only through clock granularity: never draw outside it.
  const rootScale = proxyTotal > client.requestMs && proxyTotal > 0 ? client.requestMs / proxyTotal : 1;
  const network = Math.max(0, client.requestMs - proxyTotal * rootScale);
  const networkNote = "round trip minus the proxy's total, drawn half out, half back";
  if (network > 0) {
    phases.push({
      name: "network out",
      source: "network",
      start: requestStart,
      duration: network / 2,
      depth: 1,
      note: networkNote,
    });
  }
  // A parent drawn shorter than measured shrinks its children alike; children never overflow their parent.
  const place = (
    metrics: readonly ServerTimingMetric[],
    start: number,
    room: number,
    depth: number,
    inherited: number,
  ) => {
    const sum = metrics.reduce((total, metric) => total + (metric.duration ?? 0) * inherited, 0);
    const scale = inherited * (sum > room && sum > 0 ? room / sum : 1);
    let at = start;
    for (const metric of metrics) {
      const duration = (metric.duration ?? 0) * scale;
      phases.push({
        name: metric.name,
        source: "server",
        start: at,
        duration,
        depth,
        ...(metric.description ? { note: metric.description } : {}),
      });
      place(childrenOf(metric.name), at, duration, depth + 1, scale);
      at += duration;
    }
  };
  place(roots, requestStart + network / 2, client.requestMs - network, 1, 1);
  if (network > 0) {
    phases.push({
      name: "network back",
      source: "network",
      start: requestStart + client.requestMs - network / 2,
      duration: network / 2,
      depth: 1,
      note: networkNote,
    });
  }
  return phases;
}
