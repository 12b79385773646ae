import fc from "fast-check";
import { expect, test } from "vitest";
import { concatBytes } from "./concat-bytes.js";

test("joins the parts in order, views by what they cover", () => {
  const buffer = Uint8Array.of(9, 1, 2, 9);
  expect(concatBytes(Uint8Array.of(0), buffer.subarray(1, 3), new Uint8Array(0), Uint8Array.of(3))).toEqual(
    Uint8Array.of(0, 1, 2, 3),
  );
  expect(concatBytes()).toEqual(new Uint8Array(0));
});

test("agrees with spreading the parts, and copies them", () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 20 }), { maxLength: 6 }), (parts) => {
      const joined = concatBytes(...parts);
      expect([...joined]).toEqual(parts.flatMap((part) => [...part]));
      if (parts[0]?.length) {
        parts[0][0] = (parts[0][0]! + 1) & 255;
        expect(joined[0]).not.toBe(parts[0][0]);
      }
    }),
  );
});
