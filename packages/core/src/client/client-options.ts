import type { LivenessError } from "../errors/index.js";
import type { FaceLivenessInput } from "../request/index.js";
import type { FaceLivenessResult } from "../response/index.js";
import type { AccessKeyCredentials } from "../sign/index.js";
import type { RegionId, RegionNetwork } from "../spec/index.js";

/** The `fetch` a client calls; inject one to add logging, a proxy agent or a test double. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** Told before the client sleeps and tries again, or fails over to the next endpoint. */
export interface RetryEvent {
  /** How many tries have failed so far on `endpoint` (1 after the first failure). */
  readonly attempt: number;
  /** How long the client waits before the next try (0 when it fails over). */
  readonly delayMs: number;
  /** Why the try failed: a `NetworkError`, a retryable `LivenessApiError` or a 5xx `ResponseFormatError`. */
  readonly error: LivenessError;
  /** The endpoint that failed (an origin such as `https://cloudauth-intl.ap-southeast-1.aliyuncs.com`). */
  readonly endpoint: string;
  /** The endpoint of the next try: the same one, or the next region on fail-over. */
  readonly nextEndpoint: string;
}

/** What both modes share: transport, time limits and the retry policy. */
export interface CommonClientOptions {
  /** Defaults to the global `fetch`, looked up at call time. */
  readonly fetch?: FetchFunction | undefined;
  /** The limit for one try, answer body included, in ms (default 10 000; the official SDK's is 3 000). */
  readonly timeoutMs?: number | undefined;
  /** Tries after the first, per endpoint (default 2). */
  readonly retries?: number | undefined;
  /** The first back-off ceiling in ms, doubled each try; the wait is random below it (full jitter; default 200). */
  readonly baseDelayMs?: number | undefined;
  /** The longest wait between tries in ms (default 10 000); a longer `x-acs-retry-after` ends the retries. */
  readonly maxDelayMs?: number | undefined;
  /** Called before each retry or fail-over, e.g. to log it. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
}

/** A client that signs and calls Alibaba itself: for servers and Workers, never for browsers (it holds the secret). */
export interface DirectClientOptions extends CommonClientOptions {
  readonly mode: "direct";
  readonly credentials: AccessKeyCredentials;
  /** Defaults to `ap-southeast-1` (Singapore). */
  readonly region?: RegionId | undefined;
  /**
   * A host (`cloudauth-intl.ap-southeast-1.aliyuncs.com`) or an origin URL, http allowed for the local emulator
   * (`http://127.0.0.1:8790`). It replaces the region's host; fail-over does not apply to it.
   */
  readonly endpoint?: string | undefined;
  /** `vpc` picks the regions' internal hosts (default `public`). */
  readonly network?: RegionNetwork | undefined;
  /**
   * Regions to try, in order, once the retries on `region` are spent on network errors or 5xx (default none:
   * sending a face to another country is the caller's decision). `REGION_IDS` lists all four in a sensible order.
   */
  readonly failover?: readonly RegionId[] | undefined;
}

/** A client that calls our edge proxy, which holds the secret: for browsers. */
export interface ProxyClientOptions extends CommonClientOptions {
  readonly mode: "proxy";
  /** The proxy's origin, e.g. `https://liveness.example.com`; `/v1/face-liveness` is appended. */
  readonly baseUrl: string;
  /** A caller token, or a function that gets a fresh one; it is called once per try (the proxy refuses replays). */
  readonly token: string | (() => string | Promise<string>);
}

/** The options of `createLivenessClient`, by mode. */
export type LivenessClientOptions = DirectClientOptions | ProxyClientOptions;

/** A FaceLivenessV2 input whose `merchantBizId` is made by the client when it is left out. */
export type FaceLivenessCall = Omit<FaceLivenessInput, "merchantBizId"> & {
  readonly merchantBizId?: string | undefined;
};

/** Per-call settings. */
export interface CallOptions {
  /** Cancels the call, retries included; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** A FaceLivenessV2 client. */
export interface LivenessClient {
  /**
   * Checks the input, sends it (with retries, one `MerchantBizId` for every try) and returns the typed result.
   * Rejects with `ValidationError`, `LivenessApiError`, `ResponseFormatError`, `NetworkError`, or the signal's reason.
   */
  faceLiveness(input: FaceLivenessCall, options?: CallOptions): Promise<FaceLivenessResult>;
}
