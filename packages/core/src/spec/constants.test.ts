import { expect, test } from "vitest";
import {
  AUTHORIZE_FILE_UPLOAD,
  DEFAULT_PRODUCT_CODE,
  FACE_LIVENESS_ACTION,
  FACE_LIVENESS_VERSION,
  isProductCode,
  PRODUCT_CODES,
} from "./constants.js";

test("names the action and version of the spec", () => {
  expect(FACE_LIVENESS_ACTION).toBe("FaceLivenessV2");
  expect(FACE_LIVENESS_VERSION).toBe("2022-08-09");
});

test("lists both product codes and defaults to the documented one", () => {
  expect(PRODUCT_CODES).toEqual(["FACE_LIVENESS_MIN_PRO", "FACE_LIVENESS_MIN"]);
  expect(DEFAULT_PRODUCT_CODE).toBe("FACE_LIVENESS_MIN_PRO");
});

test("isProductCode accepts exactly the product codes", () => {
  expect(isProductCode("FACE_LIVENESS_MIN")).toBe(true);
  expect(isProductCode("face_liveness_min")).toBe(false);
  expect(isProductCode(undefined)).toBe(false);
});

test("describes AuthorizeFileUpload as the official SDK calls it", () => {
  expect(AUTHORIZE_FILE_UPLOAD).toEqual({
    action: "AuthorizeFileUpload",
    version: "2019-12-19",
    host: "openplatform.aliyuncs.com",
    product: "Cloudauth-intl",
  });
});
