import { SUITE_USER_HASH } from "./bad-input-ids.js";
import { ARRAY_AS_OBJECT, type BadRequestCase } from "./bad-request-case.js";
import { acceptableBody, jsonCase } from "./json-request.js";
import { sampleImages, toBase64 } from "./sample-images.js";

const invalid = (issue: string | readonly string[]) =>
  ({ status: 400, code: "invalid_request", issue }) as const;

/** A case whose body is the acceptable one with `overrides` (a key set to `undefined` is left out). */
const withFields = (
  name: string,
  issue: string | readonly string[],
  overrides: () => Record<string, unknown>,
): BadRequestCase => jsonCase(name, invalid(issue), () => acceptableBody(overrides()));

const base64 = () => toBase64(sampleImages().portraitJpeg);
const url = "https://images.example.com/face.jpg";

/** Fields of the wrong type, missing or doubled picture sources, and fields the schema does not know. */
export const fieldCases: BadRequestCase[] = [
  withFields("merchantUserId as a number", "invalid_type", () => ({ merchantUserId: 123456 })),
  withFields("merchantUserId as null", "invalid_type", () => ({ merchantUserId: null })),
  withFields("merchantUserId as true", "invalid_type", () => ({ merchantUserId: true })),
  withFields("merchantUserId as an array holding the hash", "invalid_type", () => ({
    merchantUserId: [SUITE_USER_HASH],
  })),
  withFields("merchantUserId as an object", "invalid_type", () => ({
    merchantUserId: { sha256: SUITE_USER_HASH },
  })),
  withFields("merchantUserId missing", "required", () => ({ merchantUserId: undefined })),
  withFields("merchantBizId as a number", "invalid_type", () => ({ merchantBizId: 12345 })),
  withFields("merchantBizId as null", "invalid_type", () => ({ merchantBizId: null })),
  withFields("merchantBizId as false", "invalid_type", () => ({ merchantBizId: false })),
  withFields("merchantBizId as an array", "invalid_type", () => ({ merchantBizId: ["abc"] })),
  withFields("image as a base64 string", "invalid_type", () => ({ image: base64() })),
  withFields("image as null", "invalid_type", () => ({ image: null })),
  withFields("image as an array", ARRAY_AS_OBJECT, () => ({ image: [{ base64: base64() }] })),
  withFields("image as a number", "invalid_type", () => ({ image: 42 })),
  withFields("image missing", "required", () => ({ image: undefined })),
  withFields("image as an empty object", "one_picture_source", () => ({ image: {} })),
  withFields("image with both base64 and url", "one_picture_source", () => ({
    image: { base64: base64(), url },
  })),
  withFields("image.base64 as a number", "invalid_type", () => ({ image: { base64: 12345 } })),
  withFields("image.base64 as null", "invalid_type", () => ({ image: { base64: null } })),
  withFields("image.base64 as an array of bytes", "invalid_type", () => ({
    image: { base64: [...sampleImages().tinyJpeg] },
  })),
  withFields("image.base64 as an object", "invalid_type", () => ({ image: { base64: { data: base64() } } })),
  withFields("image.base64 empty", "invalid_format", () => ({ image: { base64: "" } })),
  withFields("image.url as a number", "invalid_type", () => ({ image: { url: 42 } })),
  withFields("image.url as an array", "invalid_type", () => ({ image: { url: [url] } })),
  withFields("image.url empty", "invalid_format", () => ({ image: { url: "" } })),
  withFields("faceQualityCheck as the string true", "invalid_type", () => ({ faceQualityCheck: "true" })),
  withFields("faceQualityCheck as Y", "invalid_type", () => ({ faceQualityCheck: "Y" })),
  withFields("faceQualityCheck as 1", "invalid_type", () => ({ faceQualityCheck: 1 })),
  withFields("faceQualityCheck as null", "invalid_type", () => ({ faceQualityCheck: null })),
  withFields("faceQualityCheck as an object", "invalid_type", () => ({ faceQualityCheck: { value: true } })),
  withFields("an unknown top-level field", "unknown_field", () => ({ extra: 1 })),
  withFields("the upstream field name FacePictureBase64", "unknown_field", () => ({
    FacePictureBase64: base64(),
  })),
  withFields("MerchantUserId in the upstream casing", "unknown_field", () => ({
    MerchantUserId: SUITE_USER_HASH,
  })),
  withFields("productCode (not settable through the proxy)", "unknown_field", () => ({
    productCode: "FACE_LIVENESS_MIN",
  })),
  withFields("faceAttributeCheck (not settable through the proxy)", "unknown_field", () => ({
    faceAttributeCheck: true,
  })),
  withFields("an accessKeySecret field", "unknown_field", () => ({ accessKeySecret: "attempt" })),
  withFields("an unknown field inside image", "unknown_field", () => ({
    image: { base64: base64(), crop: [0, 0, 1, 1] },
  })),
  withFields("image.file (the upstream's third source)", "unknown_field", () => ({
    image: { file: base64() },
  })),
  withFields("a toString field", "unknown_field", () => ({ toString: "x" })),
  withFields("a hasOwnProperty field", "unknown_field", () => ({ hasOwnProperty: 1 })),
];
