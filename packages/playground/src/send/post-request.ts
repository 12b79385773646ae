import { explainNoAnswer, type FailureExplanation } from "./explain-failure.js";
import type { HealthReport } from "./probe-health.js";
import { type ProxyExchange, SendFailedError } from "./send-to-proxy.js";

/** What {@link postRequest} needs: the POST itself, a health probe, and how to tell a cancel. */
export interface PostRequestSteps {
  readonly proxyUrl: string;
  /** Ask for upload progress (a streamed body, which needs HTTP/2, so https only). */
  readonly streamed: boolean;
  /** POSTs the request (ky's retries included); rejects with {@link SendFailedError} when nothing answers. */
  attempt(withProgress: boolean): Promise<ProxyExchange>;
  /** Asks the proxy's /healthz, after a failure, to explain it. */
  probe(): Promise<HealthReport & { reachable: boolean }>;
  /** The explanation of a cancel when the user cancelled, else undefined. */
  cancelled(): FailureExplanation | undefined;
  log(level: "warn", message: string): void;
}

/**
 * POSTs the request and returns what came back, or why nothing did. A streamed upload that fails while the
 * proxy is reachable is sent once more without streaming (plain-http proxies cannot take one).
 */
export async function postRequest(
  steps: PostRequestSteps,
): Promise<{ exchange: ProxyExchange } | { failure: FailureExplanation }> {
  try {
    return { exchange: await steps.attempt(steps.streamed) };
  } catch (error) {
    const cancelled = steps.cancelled();
    if (cancelled) return { failure: cancelled };
    if (!(error instanceof SendFailedError)) throw error;
    const health = await steps.probe();
    if (!(steps.streamed && error.kind === "network" && health.reachable))
      return { failure: explainNoAnswer(error.kind, steps.proxyUrl, health) };
    steps.log(
      "warn",
      "The proxy refused a streamed upload (it needs HTTP/2); sending again without upload progress.",
    );
    try {
      return { exchange: await steps.attempt(false) };
    } catch (again) {
      const cancelledAgain = steps.cancelled();
      if (cancelledAgain) return { failure: cancelledAgain };
      if (!(again instanceof SendFailedError)) throw again;
      return { failure: explainNoAnswer(again.kind, steps.proxyUrl, health) };
    }
  }
}

/** The explanation of a send the user cancelled. */
export function cancelledExplanation(afterMs: number, attempt: number): FailureExplanation {
  return {
    code: "Cancelled",
    message: `You cancelled the request after ${(afterMs / 1000).toFixed(1)} s (attempt ${attempt}).`,
    meaning: "the browser stopped waiting; the proxy may still have finished the call",
    action:
      "Send again with the same MerchantBizId: if the proxy finished it, you get the stored answer, billed once.",
    retryable: true,
  };
}
