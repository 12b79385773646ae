// Type tests of core's public API (`vitest --typecheck`): what a user's editor and compiler are promised.
import { describe, expectTypeOf, test } from "vitest";
import { bytesToHex, crc32 } from "../bytes/index.js";
import {
  checkImage,
  type FaceLivenessResult,
  type ImageProblem,
  type ImageReport,
  isMerchantBizId,
  type LivenessApiError,
  type LivenessError,
  NetworkError,
  SUB_CODES,
  type VerifyFailureCode,
  type VerifyResult,
} from "../index.js";
import { isDataFault, type PngStructure, pngPasses, walkPngChunks } from "../png/index.js";

describe("results and errors", () => {
  test("a verify result narrows on ok", () => {
    const result = {} as VerifyResult;
    if (result.ok) {
      expectTypeOf(result.accessKeyId).toEqualTypeOf<string>();
      expectTypeOf(result.signatureVersion).toEqualTypeOf<"v3" | "v2">();
    } else {
      expectTypeOf(result.code).toEqualTypeOf<VerifyFailureCode>();
      // @ts-expect-error a failure has no access key id
      result.accessKeyId;
    }
  });

  test("a liveness result is read-only and its scores are numbers", () => {
    const result = {} as FaceLivenessResult;
    expectTypeOf(result.passed).toEqualTypeOf<boolean>();
    expectTypeOf(result.face.sharpnessScore).toEqualTypeOf<number>();
    expectTypeOf(result.face.gender).toEqualTypeOf<"M" | "F" | undefined>();
    // @ts-expect-error results are read-only
    result.passed = true;
  });

  test("errors are LivenessErrors and Errors", () => {
    expectTypeOf<NetworkError>().toExtend<LivenessError>();
    expectTypeOf<LivenessApiError>().toExtend<LivenessError>();
    expectTypeOf<LivenessError>().toExtend<Error>();
    // @ts-expect-error a network error is a timeout or a network failure, nothing else
    new NetworkError("Throttling", "no");
  });

  test("the SubCodes are keyed by the two published codes", () => {
    expectTypeOf(SUB_CODES["200"].passed).toEqualTypeOf<boolean>();
    // @ts-expect-error no such SubCode
    SUB_CODES["201"];
  });
});

describe("images and bytes", () => {
  test("checkImage takes bytes and reports problems with closed codes", () => {
    expectTypeOf(checkImage).parameter(0).toEqualTypeOf<Uint8Array>();
    expectTypeOf(checkImage).returns.toEqualTypeOf<ImageReport>();
    expectTypeOf<ImageProblem["code"]>().toExtend<string>();
    expectTypeOf<"not_portrait">().toExtend<ImageProblem["code"]>();
    // @ts-expect-error only the three send modes
    checkImage(new Uint8Array(0), { mode: "stream" });
  });

  test("isMerchantBizId narrows unknown to string", () => {
    const value: unknown = "x";
    if (isMerchantBizId(value)) expectTypeOf(value).toEqualTypeOf<string>();
  });

  test("bytesToHex and crc32 take bytes, not strings", () => {
    expectTypeOf(bytesToHex).returns.toEqualTypeOf<string>();
    expectTypeOf(crc32).returns.toEqualTypeOf<number>();
    // @ts-expect-error bytes only
    bytesToHex("ab");
  });

  test("a PNG walk gives the structure or a fault, which isDataFault tells apart", () => {
    const walked = walkPngChunks(new Uint8Array(0));
    if (isDataFault(walked)) expectTypeOf(walked.message).toEqualTypeOf<string>();
    else {
      expectTypeOf(walked).toEqualTypeOf<PngStructure>();
      expectTypeOf(pngPasses(walked)[0]!.rowBytes).toEqualTypeOf<number>();
    }
  });
});
