import { describeApiError } from "@liveness-kit/core";
import type { Context } from "hono";
import type { EmulatorEnv } from "../emulator-env.js";
import type { EmulatorState } from "../emulator-state.js";
import { AcsError, acsJson } from "../gateway/acs-error.js";
import { createTransactionId } from "../gateway/request-id.js";
import { chooseScenario } from "../scenarios/choose-scenario.js";
import { DroppedConnection } from "../scenarios/dropped-connection.js";
import type { ScenarioRule } from "../scenarios/scenario-rule.js";
import { assessPicture } from "./assess-picture.js";
import { readFaceLivenessParameters } from "./face-liveness-parameters.js";
import { loadPicture } from "./load-picture.js";

/**
 * FaceLivenessV2, after the gateway accepted the call. The scenario is chosen first (by MerchantBizId,
 * MerchantUserId, a probabilistic fault or the default rule); faults of the infrastructure (latency,
 * throttling, 500, 503, a dropped connection, no answer) happen before the product looks at the request, as
 * they would at Alibaba. Then the parameters, the picture and its measurements; `NoFaceDetected` and
 * `UnqualifiedPhoto` scenarios apply to an otherwise acceptable picture; the answer is billed and recorded.
 *
 * There is no liveness model here: `Passed` follows the scenario (default: passed when the image is acceptable).
 */
export async function faceLivenessV2(c: Context<EmulatorEnv>, state: EmulatorState): Promise<Response> {
  const { params, region, accessKeyId } = c.var.call;
  const signal = c.req.raw.signal;
  const keys = {
    merchantBizId: params.get("MerchantBizId") ?? undefined,
    merchantUserId: params.get("MerchantUserId") ?? undefined,
  };
  if (keys.merchantBizId) c.set("merchantBizId", keys.merchantBizId);
  const rule = chooseScenario(state.scenarios, state.faults, keys);
  if (rule) await performInfrastructureFault(rule, state, signal);

  const input = readFaceLivenessParameters(params);
  const now = state.options.now();
  const bytes = await loadPicture(input.picture, {
    objects: state.objects,
    allowLoopbackUrls: state.options.allowLoopbackUrls,
    downloadTimeoutMs: state.options.downloadTimeoutMs,
    fetch: state.options.fetch,
    now,
    signal,
  });
  const scores = await assessPicture(bytes, {
    faceQualityCheck: input.faceQualityCheck,
    measure: state.pictures.measure,
  });
  if (rule?.outcome === "NoFaceDetected") {
    throw new AcsError("NoFaceDetected", "No face was detected in the picture.");
  }
  if (rule?.outcome === "UnqualifiedPhoto") {
    throw new AcsError("UnqualifiedPhoto", "The picture does not meet the quality requirements.");
  }

  const attack = rule?.outcome === "attack";
  const transactionId = createTransactionId();
  const subCode = attack ? "205" : "200";
  const passed = attack ? "N" : "Y";
  state.ledger.record({
    requestId: c.var.requestId,
    transactionId,
    merchantBizId: input.merchantBizId,
    merchantUserId: input.merchantUserId,
    productCode: input.productCode,
    result: passed,
    subCode,
    region,
    accessKeyId,
    time: new Date(state.options.now()).toISOString(),
  });
  c.set("answerCode", "Success");
  c.set("billed", true);
  return acsJson(
    {
      RequestId: c.var.requestId,
      Code: "Success",
      Message: "success",
      Result: {
        TransactionId: transactionId,
        Passed: passed,
        SubCode: subCode,
        ExtFaceInfo: {
          FaceQualityScore: scores.faceQualityScore,
          OcclusionScore: scores.occlusionScore,
          KaOcclusionScore: scores.keyAreaOcclusionScore,
          IlluminationScore: scores.illuminationScore,
          SharpnessScore: scores.sharpnessScore,
          FaceAttack: attack ? "Y" : "N",
          OcclusionResult: scores.occluded ? "Y" : "N",
          ...(rule?.faceAge !== undefined ? { FaceAge: rule.faceAge } : {}),
          ...(rule?.faceGender !== undefined ? { FaceGender: rule.faceGender } : {}),
        },
      },
    },
    200,
    c.var.requestId,
  );
}

// An error code the emulator has no real trigger for, answered as its table says (the message is modelled).
function scenarioError(rule: ScenarioRule): AcsError {
  const code = rule.code ?? "InternalError";
  const info = describeApiError(code);
  const message = `${info.meaning.charAt(0).toUpperCase()}${info.meaning.slice(1)}.`;
  const headers: Record<string, string> = code.startsWith("Throttling")
    ? { "x-acs-retry-after": String(rule.retryAfterMs ?? 1000) }
    : {};
  return new AcsError(code, info.source === "gateway" ? undefined : message, { headers });
}

async function performInfrastructureFault(
  rule: ScenarioRule,
  state: EmulatorState,
  signal: AbortSignal,
): Promise<void> {
  await state.interruptions.sleep(rule.latencyMs, signal);
  switch (rule.outcome) {
    case "throttling": {
      const retryAfterMs = rule.retryAfterMs ?? 1000;
      throw new AcsError("Throttling.Api", undefined, {
        headers: { "x-acs-retry-after": String(retryAfterMs) },
      });
    }
    case "500":
      throw new AcsError("InternalError", "The request processing has failed due to some unknown error.");
    case "503":
      throw new AcsError(
        "ServiceUnavailable",
        "The request has failed due to a temporary failure of the server.",
      );
    case "drop":
      throw new DroppedConnection("drop");
    case "hang":
      await state.interruptions.hang(signal);
      throw new DroppedConnection("hang");
    case "error":
      throw scenarioError(rule);
    default:
      return;
  }
}
