import type { ReceiptDecision } from "../receipts/receipt-decision.js";

/**
 * An answer of the face-liveness route before it becomes a Response: what the idempotency store keeps
 * and replays. Only the answer is ever stored, never the request or its image.
 */
export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
  /** Extra headers worth replaying (e.g. `retry-after`); never caller or upstream credentials. */
  headers: Record<string, string>;
  /** A decided answer's receipt claims: kept with it, signed afresh into `receipt` each time it is sent. */
  decision?: ReceiptDecision;
}
