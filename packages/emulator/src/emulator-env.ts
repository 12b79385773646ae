import type { RegionId } from "@liveness-kit/core";

/** What the gateway learnt about an accepted API call, for the product handlers. */
export interface AcceptedCall {
  action: string;
  version: string;
  accessKeyId: string;
  signatureVersion: "v3" | "v2";
  region: RegionId;
  /** Query and form-body parameters together (decoded), as an RPC API sees them. */
  params: URLSearchParams;
}

/** The Hono environment of the emulator's app: per-request variables set by the gateway. */
export interface EmulatorEnv {
  // Node bindings (incoming, outgoing) or a Worker's env; only duck-typed where needed.
  Bindings: Record<string, unknown>;
  Variables: {
    requestId: string;
    hostId: string;
    call: AcceptedCall;
    /** The code answered (Success or an error code), for the call log. */
    answerCode: string;
    /** Whether the answer was billed, for the call log. */
    billed: boolean;
    merchantBizId: string;
  };
}
