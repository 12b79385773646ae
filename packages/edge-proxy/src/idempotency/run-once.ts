import type { ProxyAnswer } from "../answers/proxy-answer.js";
import { ProxyError } from "../answers/proxy-error.js";
import type { IdempotencyFinish } from "../durable-objects/idempotency-object.js";
import type { ProxyEnv } from "../env.js";

/** What `runOnce` hands back: the answer, and how it was obtained. */
export interface RunOnceResult {
  answer: ProxyAnswer;
  /** `ran`: this request ran; `replayed`: a stored answer; `shared`: a concurrent duplicate's answer. */
  how: "ran" | "replayed" | "shared";
  /** For a run: what became of its answer (`late_*`: the run outlived its lease; worth a log field). */
  finish?: IdempotencyFinish;
}

/** How long the key is kept, and how long one run may hold it. */
export interface RunOnceOptions {
  keepMs: number;
  leaseMs: number;
}

/** The `IdempotencyObject` of a `merchantBizId`: one per deployment, whoever calls. */
export function idempotencyKey(env: ProxyEnv, merchantBizId: string) {
  return env.IDEMPOTENCY.get(env.IDEMPOTENCY.idFromName(merchantBizId));
}

/**
 * Runs `work` at most once per `MerchantBizId` of the deployment through its `IdempotencyObject`: the first
 * caller owns the id (any other caller gets 409 `merchant_biz_id_taken`), a concurrent duplicate waits and
 * shares the answer, a repeat gets the stored answer, a different body under the same id gets 409. `work`
 * says whether its answer was (or may have been) billed; only those answers are kept (a timed-out call too:
 * running it again could bill twice), anything else releases the key so a later retry runs again. `work`
 * must end within `leaseMs`.
 */
export async function runOnce(
  env: ProxyEnv,
  scope: { owner: string; merchantBizId: string; fingerprint: string },
  options: RunOnceOptions,
  work: () => Promise<{ answer: ProxyAnswer; billed: boolean }>,
): Promise<RunOnceResult> {
  const key = idempotencyKey(env, scope.merchantBizId);
  const begin = await key.begin(scope.owner, scope.fingerprint, options.leaseMs, options.keepMs);
  switch (begin.kind) {
    case "stored":
      return { answer: JSON.parse(begin.answer) as ProxyAnswer, how: "replayed" };
    case "shared":
      return { answer: JSON.parse(begin.answer) as ProxyAnswer, how: "shared" };
    case "taken":
      throw new ProxyError(
        409,
        "merchant_biz_id_taken",
        "This merchantBizId was already used by another caller of this deployment; use a new merchantBizId.",
      );
    case "conflict":
      throw new ProxyError(
        409,
        "idempotency_conflict",
        "This merchantBizId was already used with a different request; use a new merchantBizId.",
      );
    case "busy":
      throw new ProxyError(
        409,
        "idempotency_in_progress",
        "A request with this merchantBizId is still running.",
        {
          retryable: true,
          retryAfterMs: begin.retryAfterMs,
        },
      );
    case "run":
      break;
  }
  let outcome: { answer: ProxyAnswer; billed: boolean } | undefined;
  let finish: IdempotencyFinish | undefined;
  try {
    outcome = await work();
  } finally {
    // Always end the run, even when `work` threw: waiters must not hang and the key must not stay locked.
    const answer = outcome?.answer ?? {
      status: 500,
      body: { code: "internal_error", message: "The proxy failed unexpectedly.", retryable: true },
      headers: {},
    };
    finish = await key.finish(begin.leaseId, JSON.stringify(answer), outcome?.billed ? options.keepMs : 0, {
      owner: scope.owner,
      fingerprint: scope.fingerprint,
    });
  }
  return { answer: outcome.answer, how: "ran", finish };
}
