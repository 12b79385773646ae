import type { RequestDraft } from "../request/request-draft.js";
import { buildTimeline, type ClientTimings } from "../result/timeline.js";
import { explainErrorAnswer, type FailureExplanation } from "./explain-failure.js";
import { type ProxyAnswer, readProxyAnswer } from "./read-answer.js";
import type { SendResult } from "./send-result.js";
import type { ProxyExchange } from "./send-to-proxy.js";
import type { ServerTimingMetric } from "./server-timing.js";

/** What the proxy's answer says: the liveness answer (a 2xx of the documented shape) or the explained failure. */
export function readExchange(exchange: Pick<ProxyExchange, "status" | "body" | "bodyText">): {
  answer?: ProxyAnswer;
  failure?: FailureExplanation;
} {
  if (exchange.status < 200 || exchange.status >= 300)
    return { failure: explainErrorAnswer(exchange.status, exchange.body, exchange.bodyText) };
  const answer = readProxyAnswer(exchange.body);
  if (answer) return { answer };
  return {
    failure: {
      code: "ResponseFormat",
      httpStatus: exchange.status,
      message: exchange.bodyText.slice(0, 300),
      meaning: "the answer does not have the documented shape",
      action: "Check that Settings > Proxy URL points to a liveness-kit proxy of a matching version.",
      retryable: false,
    },
  };
}

/** What {@link exchangeResult} needs: the request, what came back (or why nothing did) and the timings. */
export interface ExchangeResultInput {
  readonly at: string;
  readonly draft: RequestDraft;
  readonly proxyUrl: string;
  readonly exchange?: ProxyExchange;
  /** Why no answer came back; ignored when there is an exchange (its answer explains itself). */
  readonly failure?: FailureExplanation;
  readonly timings: ClientTimings;
  readonly serverTiming: readonly ServerTimingMetric[];
  readonly requestHeaders: readonly (readonly [string, string])[];
}

/** The result panel's view of a send, built the same way for a fresh send and for one read back from the history. */
export function exchangeResult(input: ExchangeResultInput): SendResult {
  const { exchange } = input;
  const { answer, failure } = exchange
    ? readExchange(exchange)
    : { answer: undefined, failure: input.failure };
  return {
    at: input.at,
    draft: input.draft,
    proxyUrl: input.proxyUrl,
    kind: answer ? "answer" : "error",
    ...(exchange ? { exchange } : {}),
    ...(answer ? { answer } : {}),
    ...(failure ? { failure } : {}),
    timings: input.timings,
    serverTiming: input.serverTiming,
    timeline: buildTimeline(input.timings, input.serverTiming),
    requestHeaders: input.requestHeaders,
    idempotentReplay:
      exchange?.headers.some(
        ([name, value]) => name.toLowerCase() === "idempotent-replay" && value === "true",
      ) ?? false,
  };
}
