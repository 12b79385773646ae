import type { DiscardBounds } from "./discard-body.js";

/**
 * How the proxy reads a request body: how much it accepts, how long it waits, and how much of a refused
 * body it still reads and throws away so the client reaches the point where it reads the answer.
 * Each field is one variable of the configuration (see README.md).
 */
export interface BodyReadLimits {
  /** The largest body accepted, counted while reading (`MAX_BODY_BYTES`). */
  maxBytes: number;
  /** The longest wait for the next chunk of the body (`BODY_IDLE_TIMEOUT_MS`). */
  idleTimeoutMs: number;
  /** The longest the whole body may take, from its first read (`BODY_DEADLINE_MS`). */
  deadlineMs: number;
  /** Before a refusal, at most this much more of the body is read and thrown away (`BODY_DRAIN_MAX_BYTES`). */
  drainMaxBytes: number;
  /** ... and for at most this long; 0 turns the drain off (`BODY_DRAIN_MAX_MS`). */
  drainMaxMs: number;
}

/**
 * The defaults. A 1 MiB picture as base64 JSON fits `maxBytes`; a phone on a slow uplink (tens of KB/s)
 * still sends it within the deadline, and no healthy upload pauses for 10 s. The drain covers a typical
 * camera photo sent by mistake (3-4 MB) and holds a Worker for at most 5 s, as nginx's default
 * `lingering_timeout` does.
 */
export const DEFAULT_BODY_READ_LIMITS: Readonly<BodyReadLimits> = {
  maxBytes: 1_500_000,
  idleTimeoutMs: 10_000,
  deadlineMs: 60_000,
  drainMaxBytes: 4 * 1024 * 1024,
  drainMaxMs: 5_000,
};

/**
 * The bounds of the drain before a refusal: `drainMaxBytes`, `drainMaxMs`, and a client that pauses
 * longer than the idle timeout (or the whole drain time) has stopped sending anyway.
 */
export function drainBoundsOf(limits: BodyReadLimits): DiscardBounds {
  return {
    maxBytes: limits.drainMaxBytes,
    maxMs: limits.drainMaxMs,
    idleMs: Math.min(limits.idleTimeoutMs, limits.drainMaxMs),
  };
}
