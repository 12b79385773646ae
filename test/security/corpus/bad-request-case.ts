/** A request sent with fetch. */
export interface FetchRequest {
  via: "fetch";
  method?: string;
  /** Defaults to the face-liveness route. */
  path?: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
}

/** A request written byte for byte over a TCP connection. */
export interface SocketRequest {
  via: "socket";
  /**
   * The whole request, head included, written chunk by chunk as given. The connection stays open after
   * the last chunk: a request that sends less than it declares is a client that stalled.
   */
  chunks: Uint8Array[];
  /** A wait before each chunk after the first: a client that trickles its body. */
  pauseMs?: number;
  /** The answer must come within this long (the runner's own bound still applies when it is shorter). */
  answerWithinMs?: number;
}

/** A request as a case sends it: through fetch, or as raw bytes over a socket. */
export type OutgoingRequest = FetchRequest | SocketRequest;

/** What the proxy must answer a bad request with. */
export interface ExpectedRefusal {
  /** The status (one of them, when the runtime may decide either way). */
  status: number | readonly number[];
  /** The `code` of the JSON error (one of them, when the runtime may decide either way). */
  code: string | readonly string[];
  /** The `code` of the first entry of `details.issues`, when the answer lists issues. */
  issue?: string | readonly string[];
  /** Headers the answer must carry, by lower-case name (e.g. `allow` on a 405). */
  headers?: Readonly<Record<string, string>>;
}

/** One malformed request of the bad-input corpus. */
export interface BadRequestCase {
  /** Unique within the corpus; the test's name. */
  name: string;
  expected: ExpectedRefusal;
  /**
   * Makes the request just before it is sent (a fresh caller token, fresh ids). `before` requests are
   * sent first, in order (to use a token once before replaying it); each must be refused with a 4xx too.
   */
  build: () => Promise<{ before?: OutgoingRequest[]; request: OutgoingRequest }>;
  /**
   * True when only decoding the pixels would show the problem (a JPEG whose frame header lies about a size
   * its data also fits): the proxy checks the header and the data's structure, not the pixels, so the
   * emulator refuses it (unbilled). Every other case must never reach the emulator at all.
   */
  reachesUpstream?: boolean;
}

/**
 * The issue codes of an array where an object belongs: valibot's strictObject takes an array for an
 * object, then refuses its indexes as unknown keys. Either way the request is refused.
 */
export const ARRAY_AS_OBJECT = ["invalid_type", "unknown_field"] as const;
