import fc from "fast-check";
import { expect, test } from "vitest";
import { bytesToHex } from "./bytes-to-hex.js";

test("writes two lower-case digits per byte", () => {
  expect(bytesToHex(new Uint8Array([0, 1, 0x0f, 0x10, 0xab, 0xff]))).toBe("00010f10abff");
  expect(bytesToHex(new Uint8Array(0))).toBe("");
});

test("writes only the bytes a view covers", () => {
  const buffer = new Uint8Array([0xde, 0xad, 0xbe, 0xef]);
  expect(bytesToHex(buffer.subarray(1, 3))).toBe("adbe");
});

test("agrees with parsing the digits back, for any bytes", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const hex = bytesToHex(bytes);
      expect(hex).toMatch(/^(?:[0-9a-f]{2})*$/);
      expect(Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16))).toEqual(bytes);
    }),
  );
});
