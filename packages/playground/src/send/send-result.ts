import type { RequestDraft } from "../request/request-draft.js";
import type { ClientTimings, TimelinePhase } from "../result/timeline.js";
import type { FailureExplanation } from "./explain-failure.js";
import type { ProxyAnswer } from "./read-answer.js";
import type { ProxyExchange } from "./send-to-proxy.js";
import type { ServerTimingMetric } from "./server-timing.js";

/** The outcome of pressing Send, as the result panel shows it. */
export interface SendResult {
  /** ISO 8601. */
  readonly at: string;
  readonly draft: RequestDraft;
  /** The proxy it was sent to (absent for results saved before this was recorded). */
  readonly proxyUrl?: string;
  /** `answer`: a result came back; `error`: an error answer or none; `not-sent`: stopped before sending. */
  readonly kind: "answer" | "error" | "not-sent";
  readonly exchange?: ProxyExchange;
  readonly answer?: ProxyAnswer;
  readonly failure?: FailureExplanation;
  /** Why nothing was sent, one line per problem. */
  readonly notSent?: { readonly title: string; readonly problems: readonly string[] };
  readonly timings?: ClientTimings;
  readonly serverTiming: readonly ServerTimingMetric[];
  readonly timeline: readonly TimelinePhase[];
  /** The request headers as sent, with the caller key masked. */
  readonly requestHeaders: readonly (readonly [string, string])[];
  /** True when the proxy answered from its idempotency store (`Idempotent-Replay: true`). */
  readonly idempotentReplay: boolean;
}
