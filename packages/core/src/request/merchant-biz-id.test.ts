import fc from "fast-check";
import { afterEach, expect, test, vi } from "vitest";
import { createMerchantBizId, isMerchantBizId } from "./merchant-biz-id.js";

afterEach(() => {
  vi.restoreAllMocks();
});

test("makes 32 letters and digits that differ from call to call", () => {
  const ids = new Set(Array.from({ length: 500 }, () => createMerchantBizId()));
  expect(ids.size).toBe(500);
  for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{32}$/);
});

test("drops random bytes of 248 and above, so no character is favoured", () => {
  // 248..255 would map to the first 8 characters a second time if they were kept.
  const bytes = [255, 248, 0, 61, 62, 247, ...Array.from({ length: 60 }, (_, i) => i % 62)];
  let offset = 0;
  vi.spyOn(crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const view = array as unknown as Uint8Array;
    for (let i = 0; i < view.length; i++) view[i] = bytes[(offset + i) % bytes.length]!;
    offset += view.length;
    return array;
  });
  const id = createMerchantBizId();
  expect(id.slice(0, 6)).toBe("A9A9AB");
  expect(id).toHaveLength(32);
});

test("keeps asking for random bytes until it has 32 characters", () => {
  let calls = 0;
  vi.spyOn(crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const view = array as unknown as Uint8Array;
    calls++;
    // The first batch is all rejectable bytes.
    view.fill(calls === 1 ? 250 : 1);
    return array;
  });
  expect(createMerchantBizId()).toBe("B".repeat(32));
  expect(calls).toBe(2);
});

test("isMerchantBizId accepts 1-32 ASCII letters and digits only", () => {
  expect(isMerchantBizId("a")).toBe(true);
  expect(isMerchantBizId("Z9".repeat(16))).toBe(true);
  expect(isMerchantBizId("")).toBe(false);
  expect(isMerchantBizId("a".repeat(33))).toBe(false);
  expect(isMerchantBizId("abc-123")).toBe(false);
  expect(isMerchantBizId("abc\n")).toBe(false);
  expect(isMerchantBizId("ａbc")).toBe(false);
  expect(isMerchantBizId(123)).toBe(false);
});

test("isMerchantBizId agrees with a plain reference on any string", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), (value) => {
      const reference =
        value.length >= 1 && value.length <= 32 && [...value].every((c) => /[A-Za-z0-9]/.test(c));
      expect(isMerchantBizId(value)).toBe(reference);
    }),
  );
});
