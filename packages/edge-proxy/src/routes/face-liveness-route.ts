import {
  buildFaceLivenessRequest,
  buildFaceLivenessRequestFromBytes,
  createMerchantBizId,
  type FaceLivenessInput,
} from "@liveness-kit/core/request";
import type { Handler } from "hono";
import { errorAnswer } from "../answers/error-answer.js";
import type { JsonAnswer } from "../answers/json-answer.js";
import { jsonResponse } from "../answers/json-response.js";
import { livenessAnswer } from "../answers/liveness-answer.js";
import { requestFingerprint } from "../idempotency/request-fingerprint.js";
import { runOnce } from "../idempotency/run-once.js";
import { parseFaceLivenessBody } from "../input/parse-face-liveness-body.js";
import { type Picture, preparePicture } from "../input/prepare-picture.js";
import { askRegionPass, returnRegionPass } from "../limits/region-pass.js";
import type { ProxyAppEnv } from "../proxy-app-env.js";
import { answerWithReceipt } from "../receipts/answer-with-receipt.js";
import { pictureDigest } from "../receipts/picture-digest.js";
import type { ReceiptDecision } from "../receipts/receipt-decision.js";
import { callUpstream, circuitCallerTag, type UpstreamCall } from "../upstream/call-upstream.js";
import { type CallerLocation, regionOrder } from "../upstream/region-order.js";

/**
 * `POST /v1/face-liveness` (after auth; the caller's admission runs meanwhile): read and validate the body, check
 * the image with core, then, once per `MerchantBizId` of the deployment, call Alibaba and answer in the web
 * shape, a decided answer with a signed receipt. Nothing billable happens before every check has passed.
 */
export const faceLivenessRoute: Handler<ProxyAppEnv> = async (c) => {
  const config = c.get("config");
  const timing = c.get("timing");
  const log = c.get("log");
  const caller = c.get("caller");

  // The caller's admission runs meanwhile (`admitCaller`); a refused caller hears that, not a 400.
  const admission = c.get("admission");
  const prepared = await timing
    .measure("validate", async () => {
      const body = await parseFaceLivenessBody(c.req.raw, config.body);
      const picture = await preparePicture(body.picture, config.imageUrlHosts);
      const merchantBizId = body.merchantBizId ?? createMerchantBizId();
      const input = {
        merchantBizId,
        merchantUserId: body.merchantUserId,
        faceQualityCheck: body.faceQualityCheck,
      };
      // Core's rules run here, before anything is billed, for every mode.
      const call = upstreamCall(input, picture);
      const fingerprint = await requestFingerprint({ ...input, picture });
      const image = await pictureDigest(picture);
      return {
        merchantBizId,
        merchantUserId: body.merchantUserId,
        generated: body.merchantBizId === undefined,
        picture,
        call,
        fingerprint,
        image,
      };
    })
    .catch(async (error: unknown) => {
      await admission;
      throw error;
    });
  log.merchantBizId = prepared.merchantBizId;
  log.merchantBizIdGenerated = prepared.generated;
  log.pictureMode = prepared.picture.mode;
  if (prepared.picture.mode !== "url") {
    log.imageBytes = prepared.picture.bytes.byteLength;
    if ((prepared.picture.droppedBytes ?? 0) > 0) log.droppedBytesAfterImage = prepared.picture.droppedBytes;
  }

  const regions = regionOrder(config, c.req.raw.cf as CallerLocation | undefined);
  // The circuit remembers callers by a tag: a token's subject may be a user id, which is not stored.
  const callerTag = await circuitCallerTag(caller.id);
  // The first region's pass is asked for now, beside the admission and the idempotency decision: one
  // round trip for all three. A request that does not run gives it back, off the answer's path.
  const firstRegion = regions[0];
  let firstPass =
    firstRegion === undefined ? undefined : askRegionPass(c.env, config, firstRegion, callerTag);
  const work = async (): Promise<{ answer: JsonAnswer; billed: boolean }> => {
    const outcome = await timing.measure("upstream", () =>
      callUpstream(prepared.call, regions, config, c.env, timing, callerTag, firstPass),
    );
    log.regionsTried = outcome.report.regionsTried;
    log.attempts = outcome.report.attempts;
    if (outcome.report.upstreamCode !== undefined) log.upstreamCode = outcome.report.upstreamCode;
    if (outcome.ok) {
      log.region = outcome.region;
      const answer = livenessAnswer(outcome.result, prepared.merchantBizId, outcome.region);
      const decision: ReceiptDecision = {
        sub: caller.subject,
        merchantBizId: prepared.merchantBizId,
        merchantUserId: prepared.merchantUserId,
        transactionId: outcome.result.transactionId,
        passed: outcome.result.passed,
        subCode: outcome.result.subCode,
        region: outcome.region,
        ...prepared.image,
        face: answer.body.face as ReceiptDecision["face"],
      };
      return { answer: { ...answer, decision }, billed: true };
    }
    if (outcome.error.operatorHint !== undefined) log.operatorHint = outcome.error.operatorHint;
    // A call that may have been billed keeps its answer: re-running the same id could bill twice.
    return {
      answer: errorAnswer(outcome.error, c.get("requestId")),
      billed: outcome.mayBeBilled === true,
    };
  };

  // A generated id goes through the store too: no duplicate can exist, but its answer must be there for
  // a server-side lookup. The lease outlives the work: the upstream work ends within the budget.
  const result = await runOnce(
    c.env,
    { owner: caller.id, merchantBizId: prepared.merchantBizId, fingerprint: prepared.fingerprint },
    { keepMs: config.idempotencyTtlMs, leaseMs: config.budgetMs + config.leaseSlackMs },
    work,
    {
      admission,
      onNotRun: () => {
        if (firstPass === undefined) return;
        c.executionCtx.waitUntil(returnRegionPass(c.env, firstPass).catch(() => {}));
        // A duplicate that runs after all (the first run released its id) asks its region afresh.
        firstPass = undefined;
      },
    },
  );
  log.idempotency = prepared.generated ? "none" : result.how;
  if (result.finish === "late_kept" || result.finish === "late_ignored")
    log.idempotencyFinish = result.finish;

  const body = result.answer.body;
  if (typeof body.code === "string") log.code = body.code;
  if (typeof body.retryable === "boolean") log.retryable = body.retryable;
  if (typeof body.passed === "boolean") log.passed = body.passed;
  if (typeof body.subCode === "string") log.subCode = body.subCode;
  const upstream = body.upstream as { requestId?: unknown } | undefined;
  if (typeof upstream?.requestId === "string") log.upstreamRequestId = upstream.requestId;

  const requestId = c.get("requestId");
  const sent = await answerWithReceipt(result.answer, config.receipts, new URL(c.req.url).origin);
  const answer: JsonAnswer = {
    ...sent,
    body: Object.hasOwn(sent.body, "requestId") ? { ...sent.body, requestId } : { requestId, ...sent.body },
  };
  return jsonResponse(answer, result.how === "ran" ? {} : { "idempotent-replay": "true" });
};

function upstreamCall(
  input: Pick<FaceLivenessInput, "merchantBizId" | "merchantUserId" | "faceQualityCheck">,
  picture: Picture,
): UpstreamCall {
  switch (picture.mode) {
    case "base64":
      // The checked bytes, encoded straight into the form body (or the caller's text they came from, when it is
      // their canonical base64: not encoded again).
      return {
        kind: "ready",
        request: buildFaceLivenessRequestFromBytes(input, picture.bytes, { base64: picture.base64 }),
      };
    case "url":
      return { kind: "ready", request: buildFaceLivenessRequest({ ...input, facePictureUrl: picture.url }) };
    case "file": {
      // Checked now with a stand-in location; the real one exists only after the upload.
      buildFaceLivenessRequest({ ...input, facePictureFile: "https://oss.invalid/pending" });
      return {
        kind: "upload",
        picture: { bytes: picture.bytes, format: picture.format },
        build: (facePictureFile) => buildFaceLivenessRequest({ ...input, facePictureFile }),
      };
    }
  }
}
