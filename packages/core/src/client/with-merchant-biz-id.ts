import { createMerchantBizId, type FaceLivenessInput } from "../request/index.js";
import type { FaceLivenessCall } from "./client-options.js";

/**
 * The input with a fresh `MerchantBizId` when the caller left it out; it is made once per call so every retry
 * carries the same one. Anything that is not an object is passed through for the validation to report.
 */
export function withMerchantBizId(input: FaceLivenessCall): FaceLivenessInput {
  if (typeof input !== "object" || input === null) return input as unknown as FaceLivenessInput;
  return input.merchantBizId === undefined
    ? { ...input, merchantBizId: createMerchantBizId() }
    : (input as FaceLivenessInput);
}
