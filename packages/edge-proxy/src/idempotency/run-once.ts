import type { ProxyErrorCode } from "@liveness-kit/contract";
import { errorAnswer } from "../answers/error-answer.js";
import type { JsonAnswer } from "../answers/json-answer.js";
import { ProxyError } from "../answers/proxy-error.js";
import type { IdempotencyFinish } from "../durable-objects/idempotency-object.js";
import { idempotencyObject } from "../durable-objects/object-stubs.js";
import type { ProxyEnv } from "../env.js";

/** What `runOnce` hands back: the answer, and how it was obtained. */
export interface RunOnceResult {
  answer: JsonAnswer;
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
export const idempotencyKey = idempotencyObject;

/** What runs beside the idempotency decision, in the same round trip. */
export interface RunOnceCompanions {
  /** The caller's admission: a refusal is the answer, and a run it began is released unused. */
  admission?: Promise<void>;
  /** Called when this request will not run `work` (a replay, a refusal): undo what was taken for it. */
  onNotRun?: () => void;
}

/**
 * Runs `work` at most once per `MerchantBizId` of the deployment through its `IdempotencyObject`: the first
 * caller owns the id (any other caller gets 409 `merchant_biz_id_taken`), a concurrent duplicate waits and
 * shares the answer, a repeat gets the stored answer, a different body under the same id gets 409. `work`
 * says whether its answer was (or may have been) billed; only those answers are kept (a timed-out call too:
 * running it again could bill twice), anything else releases the key so a later retry runs again. `work`
 * must end within `leaseMs`. The caller's admission is awaited beside `begin` (one round trip, not two).
 *
 * `finish` stays on the answer's path: it is what keeps a billed answer. Sent after the answer (with
 * `waitUntil`) it could be lost (the isolate evicted, the call failing with nobody to retry it); the key
 * would then be taken over when its lease ends and the same `MerchantBizId` billed a second time.
 */
export async function runOnce(
  env: ProxyEnv,
  scope: { owner: string; merchantBizId: string; fingerprint: string },
  options: RunOnceOptions,
  work: () => Promise<{ answer: JsonAnswer; billed: boolean }>,
  companions: RunOnceCompanions = {},
): Promise<RunOnceResult> {
  const key = idempotencyKey(env, scope.merchantBizId);
  const [admitted, begun] = await Promise.allSettled([
    companions.admission,
    // Not waiting here for a running duplicate: what was taken beside `begin` goes back first.
    key.begin(scope.owner, scope.fingerprint, options.leaseMs, options.keepMs, false),
  ]);
  if (admitted.status === "rejected") {
    companions.onNotRun?.();
    // A run begun for a refused request is released at once: its waiters hear the refusal too.
    if (begun.status === "fulfilled" && begun.value.kind === "run") {
      const refusal =
        admitted.reason instanceof ProxyError ? errorAnswer(admitted.reason, "") : INTERNAL_ERROR;
      await key.finish(begun.value.leaseId, JSON.stringify(refusal), 0, scope);
    }
    throw admitted.reason;
  }
  if (begun.status === "rejected") {
    companions.onNotRun?.();
    throw begun.reason;
  }
  let begin = begun.value;
  if (begin.kind !== "run") companions.onNotRun?.();
  // A concurrent duplicate: now wait for the running request's answer (a second round trip, for duplicates only).
  if (begin.kind === "running") {
    begin = await key.begin(scope.owner, scope.fingerprint, options.leaseMs, options.keepMs);
  }
  switch (begin.kind) {
    case "stored":
      return { answer: JSON.parse(begin.answer) as JsonAnswer, how: "replayed" };
    case "shared":
      return { answer: JSON.parse(begin.answer) as JsonAnswer, how: "shared" };
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
    case "running":
    case "busy":
      throw new ProxyError(
        409,
        "idempotency_in_progress",
        "A request with this merchantBizId is still running.",
        {
          retryable: true,
          retryAfterMs: begin.kind === "busy" ? begin.retryAfterMs : 1_000,
        },
      );
    case "run":
      break;
  }
  let outcome: { answer: JsonAnswer; billed: boolean } | undefined;
  let finish: IdempotencyFinish | undefined;
  try {
    outcome = await work();
  } finally {
    // Always end the run, even when `work` threw: waiters must not hang and the key must not stay locked.
    const answer = outcome?.answer ?? INTERNAL_ERROR;
    finish = await key.finish(begin.leaseId, JSON.stringify(answer), outcome?.billed ? options.keepMs : 0, {
      owner: scope.owner,
      fingerprint: scope.fingerprint,
    });
  }
  return { answer: outcome.answer, how: "ran", finish };
}

const INTERNAL_ERROR: JsonAnswer = {
  status: 500,
  body: {
    code: "internal_error" satisfies ProxyErrorCode,
    message: "The proxy failed unexpectedly.",
    retryable: true,
  },
  headers: {},
};
