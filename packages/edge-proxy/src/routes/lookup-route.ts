import type { Handler } from "hono";
import type { JsonAnswer } from "../answers/json-answer.js";
import { jsonResponse } from "../answers/json-response.js";
import { ProxyError } from "../answers/proxy-error.js";
import { idempotencyKey } from "../idempotency/run-once.js";
import type { ProxyAppEnv } from "../proxy-app-env.js";
import { answerWithReceipt } from "../receipts/answer-with-receipt.js";

/**
 * `GET /v1/face-liveness/{merchantBizId}` (server callers only, after auth and the caller's rate limit): the
 * decided answer kept for that id, whoever made the call, with a freshly signed receipt, for as long as
 * the idempotency record lives. An id that was never decided, or whose record is gone, is a 404; a call
 * still running is a 409 to retry.
 */
export const lookupRoute: Handler<ProxyAppEnv> = async (c) => {
  const caller = c.get("caller");
  if (caller.role !== "server") {
    throw new ProxyError(
      403,
      "server_caller_required",
      'Only server callers may look answers up: use a caller key with the role "server", from your server.',
    );
  }
  // The route's pattern admits only a merchantBizId (1 to 32 ASCII letters and digits).
  const merchantBizId = c.req.param("merchantBizId") ?? "";
  const log = c.get("log");
  log.merchantBizId = merchantBizId;
  const found = await idempotencyKey(c.env, merchantBizId).lookup();
  if (found.kind === "running") {
    throw new ProxyError(
      409,
      "idempotency_in_progress",
      "The call for this merchantBizId is still running.",
      {
        retryable: true,
        retryAfterMs: 1_000,
      },
    );
  }
  const stored = found.kind === "done" ? (JSON.parse(found.answer) as JsonAnswer) : undefined;
  if (stored?.decision === undefined) {
    throw new ProxyError(
      404,
      "not_found",
      "No decided answer is kept for this merchantBizId: it is unknown, expired, or its call ended without a decision.",
    );
  }
  const config = c.get("config");
  const sent = await answerWithReceipt(stored, config.receipts, new URL(c.req.url).origin);
  log.passed = stored.decision.passed;
  log.subCode = stored.decision.subCode;
  const requestId = c.get("requestId");
  return jsonResponse({ ...sent, body: { requestId, ...sent.body } });
};
