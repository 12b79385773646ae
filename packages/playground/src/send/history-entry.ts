import { draftToBody, type ProxyRequestBody, type RequestDraft } from "../request/request-draft.js";
import type { ClientTimings } from "../result/timeline.js";
import type { ServerTimingMetric } from "./server-timing.js";

/** One past send, as kept in IndexedDB: the request without image bytes, the answer, the timings. */
export interface HistoryEntry {
  /** Assigned by the store. */
  readonly id?: number;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly proxyUrl: string;
  readonly draft: RequestDraft;
  /** The body as sent, with `"<image>"` in place of the base64. */
  readonly body: ProxyRequestBody;
  /** Facts about the image sent (never its bytes). */
  readonly image?: {
    readonly bytes: number;
    readonly width: number;
    readonly height: number;
    readonly format: string;
  };
  /** A small JPEG data URL (a few KB at most), to recognise the entry. */
  readonly thumbnail?: string;
  readonly outcome: "passed" | "not-passed" | "error";
  /** A one-line summary: "Passed (200)", "Not passed (205)", "NoFaceDetected", ... */
  readonly summary: string;
  readonly response?: {
    readonly status: number;
    readonly headers: readonly (readonly [string, string])[];
    readonly body: unknown;
  };
  readonly timings: ClientTimings & {
    readonly server: readonly ServerTimingMetric[];
    readonly attempts?: number;
  };
}

/** The largest thumbnail kept; anything bigger is dropped rather than stored. */
export const MAX_THUMBNAIL_CHARS = 12_000;

/** Builds the entry for a send. The body is rebuilt from the draft, so image base64 can never slip in. */
export function createHistoryEntry(
  input: Omit<HistoryEntry, "body" | "id" | "createdAt"> & { readonly createdAt?: Date },
): HistoryEntry {
  const { createdAt, thumbnail, ...rest } = input;
  return {
    ...rest,
    createdAt: (createdAt ?? new Date()).toISOString(),
    body: draftToBody(input.draft),
    ...(thumbnail && thumbnail.length <= MAX_THUMBNAIL_CHARS && thumbnail.startsWith("data:image/")
      ? { thumbnail }
      : {}),
  };
}

/** The JSON a user downloads with "Export history". */
export function exportHistory(entries: readonly HistoryEntry[], exportedAt: Date = new Date()): string {
  return `${JSON.stringify({ format: "liveness-kit-playground-history", version: 1, exportedAt: exportedAt.toISOString(), entries }, null, 2)}\n`;
}
