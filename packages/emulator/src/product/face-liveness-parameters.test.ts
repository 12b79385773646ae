import { describe, expect, it } from "vitest";
import { AcsError } from "../gateway/acs-error.js";
import { readFaceLivenessParameters } from "./face-liveness-parameters.js";

const valid = {
  ProductCode: "FACE_LIVENESS_MIN_PRO",
  MerchantBizId: "biz0001",
  MerchantUserId: "5d41402abc4b2a76b9719d911017c592",
  FacePictureUrl: "https://example.com/face.jpg",
};

function read(params: Record<string, string>) {
  return readFaceLivenessParameters(new URLSearchParams(params));
}

function failure(params: Record<string, string>): AcsError {
  try {
    read(params);
  } catch (error) {
    if (error instanceof AcsError) return error;
  }
  throw new Error("expected an AcsError");
}

describe("readFaceLivenessParameters", () => {
  it("reads a valid call", () => {
    expect(read({ ...valid, FaceQualityCheck: "Y" })).toEqual({
      productCode: "FACE_LIVENESS_MIN_PRO",
      merchantBizId: "biz0001",
      merchantUserId: valid.MerchantUserId,
      picture: { mode: "url", value: valid.FacePictureUrl },
      faceQualityCheck: true,
      faceAttributeCheck: false,
    });
  });

  it.each(["ProductCode", "MerchantBizId", "MerchantUserId"])(
    "answers MissingParameter without %s",
    (name) => {
      const params: Record<string, string> = { ...valid };
      delete params[name];
      const error = failure(params);
      expect(error.code).toBe("MissingParameter");
      expect(error.status).toBe(400);
      expect(error.source).toBe("product");
      expect(error.message).toContain(name);
    },
  );

  it("answers MissingParameter without any picture source", () => {
    const { FacePictureUrl: _, ...noPicture } = valid;
    expect(failure(noPicture).code).toBe("MissingParameter");
    expect(failure({ ...noPicture, FacePictureBase64: "" }).message).toContain("FacePictureBase64");
  });

  it.each([
    [{ ProductCode: "FACE_LIVENESS_PRO" }, "ProductCode"],
    [{ MerchantBizId: "has-dash" }, "MerchantBizId"],
    [{ MerchantBizId: "a".repeat(33) }, "MerchantBizId"],
    [{ FaceQualityCheck: "yes" }, "FaceQualityCheck"],
    [{ FaceAttributeCheck: "1" }, "FaceAttributeCheck"],
  ])("answers InvalidParameter for %j", (change, name) => {
    const error = failure({ ...valid, ...change });
    expect(error.code).toBe("InvalidParameter");
    expect(error.status).toBe(400);
    expect(error.message).toContain(name);
  });

  it("answers DataDuplication for two picture sources", () => {
    const error = failure({ ...valid, FacePictureBase64: "AAAA" });
    expect(error.code).toBe("DataDuplication");
    expect(error.status).toBe(401);
  });

  it("accepts FACE_LIVENESS_MIN and each picture mode", () => {
    const { FacePictureUrl: _, ...base } = valid;
    expect(read({ ...base, ProductCode: "FACE_LIVENESS_MIN", FacePictureBase64: "AAAA" }).picture.mode).toBe(
      "base64",
    );
    expect(read({ ...base, FacePictureFile: "http://b.host/key" }).picture.mode).toBe("file");
  });
});
