import { expect, test } from "vitest";
import { withMerchantBizId } from "./with-merchant-biz-id.js";

test("adds a fresh MerchantBizId when it is left out", () => {
  const input = { merchantUserId: "u", facePictureUrl: "https://example.com/a.jpg" };
  const first = withMerchantBizId(input);
  expect(first.merchantBizId).toMatch(/^[A-Za-z0-9]{32}$/);
  expect(withMerchantBizId(input).merchantBizId).not.toBe(first.merchantBizId);
  expect(first).toMatchObject(input);
});

test("keeps a given MerchantBizId, even an invalid one, for the validation to judge", () => {
  expect(withMerchantBizId({ merchantBizId: "mine", merchantUserId: "u" }).merchantBizId).toBe("mine");
  expect(withMerchantBizId({ merchantBizId: "", merchantUserId: "u" }).merchantBizId).toBe("");
});

test("passes anything that is not an object through", () => {
  expect(withMerchantBizId(null as never)).toBeNull();
  expect(withMerchantBizId("x" as never)).toBe("x");
});
