import { expect, test } from "vitest";
import {
  AUTHORIZE_FILE_UPLOAD,
  DEFAULT_PRODUCT_CODE,
  FACE_LIVENESS_ACTION,
  FACE_LIVENESS_VERSION,
  isProductCode,
  PRODUCT_CODES,
} from "./constants.js";
import { AUTHORIZE_FILE_UPLOAD_FACTS, CALL_FACTS, published } from "./test-support/published-facts.js";

test("names the published action and version", () => {
  expect(FACE_LIVENESS_ACTION).toBe(published(CALL_FACTS, /\| action \| `(\w+)`/)[0]);
  expect(FACE_LIVENESS_VERSION).toBe(published(CALL_FACTS, /version `([\d-]+)`/)[0]);
});

test("lists the published product codes, the documented one first and as the default", () => {
  const [documented, alsoListed] = published(CALL_FACTS, /`(\w+)` \(the SDK also lists `(\w+)`\)/);
  expect(PRODUCT_CODES).toEqual([documented, alsoListed]);
  expect(DEFAULT_PRODUCT_CODE).toBe(documented);
});

test("isProductCode accepts exactly the product codes", () => {
  for (const code of PRODUCT_CODES) expect(isProductCode(code)).toBe(true);
  expect(isProductCode("face_liveness_min")).toBe(false);
  expect(isProductCode("FACE_LIVENESS")).toBe(false);
  expect(isProductCode(undefined)).toBe(false);
});

test("describes AuthorizeFileUpload as the official SDK calls it", () => {
  const [action, host, version, product] = published(
    AUTHORIZE_FILE_UPLOAD_FACTS,
    /`(\w+)` on `([\w.]+)` \(version `([\d-]+)`.*`Product=([\w-]+)`/,
  );
  expect(AUTHORIZE_FILE_UPLOAD).toEqual({ action, version, host, product });
});
