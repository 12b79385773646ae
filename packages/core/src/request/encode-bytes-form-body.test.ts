import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { encodeBase64 } from "../image/base64.js";
import { encodeBase64FormBody } from "./encode-base64-form-body.js";
import { encodeBytesFormBody } from "./encode-bytes-form-body.js";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
// The straightforward encoder: standard base64 (core's portable encoder), then Node's querystring encoding.
const straightforward = (bytes: Uint8Array, name = "FacePictureBase64") =>
  `${encodeURIComponent(name)}=${encodeURIComponent(encodeBase64(bytes))}`;
// The same bytes with the native toBase64 hidden (an own property shadows the prototype's), so that the
// one-pass encoder runs in runtimes that have it (workerd, Chromium) as it runs in those that do not.
const withoutNative = (bytes: Uint8Array) => Object.assign(new Uint8Array(bytes), { toBase64: undefined });
const paths = [
  ["where the runtime's toBase64 is used (if it has one)", (bytes: Uint8Array) => bytes],
  ["in one pass from the bytes", withoutNative],
] as const;

// Bytes that give many "+" and "/" (0xfb 0xef 0xbe is "++++", 0xff "//"), among random ones, any length.
const imageLike = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.array(fc.nat({ max: 0xffff }), { maxLength: 400 }))
  .map(
    ([flat, picks]) =>
      new Uint8Array(
        picks.map((pick) => (pick % 100 < flat ? [0xfb, 0xef, 0xbe, 0xff][pick % 4]! : pick >>> 8)),
      ),
  );

describe.each(paths)("encodeBytesFormBody, %s", (_, prepare) => {
  test("writes what Node 20's querystring writes of Buffer.toString('base64')", () => {
    const jpegStart = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x0f, 0x90, 0xfb]);
    expect(text(encodeBytesFormBody(prepare(jpegStart)))).toBe("FacePictureBase64=%2F9j%2F4A%2BQ%2Bw%3D%3D");
    expect(text(encodeBytesFormBody(prepare(new TextEncoder().encode("abc"))))).toBe(
      "FacePictureBase64=YWJj",
    );
    expect(text(encodeBytesFormBody(prepare(new Uint8Array(0))))).toBe("FacePictureBase64=");
    expect(text(encodeBytesFormBody(prepare(new Uint8Array([0xfb, 0xff])), "a b"))).toBe("a%20b=%2B%2F8%3D");
  });

  test("equals the straightforward encoder for every length mod 3 (0, 1, 2, 3 and up)", () => {
    fc.assert(
      fc.property(imageLike, (bytes) => {
        expect(text(encodeBytesFormBody(prepare(bytes)))).toBe(straightforward(bytes));
      }),
      { numRuns: 500 },
    );
    for (let length = 0; length <= 9; length++) {
      const bytes = new Uint8Array(length).map((_, index) => 0xf9 + index);
      expect(text(encodeBytesFormBody(prepare(bytes)))).toBe(straightforward(bytes));
    }
  });

  test("equals encodeBase64FormBody of the base64, byte for byte, when every character needs encoding", () => {
    for (const bytes of [
      new Uint8Array(3000).fill(0xff),
      new Uint8Array(3001).fill(0xfb),
      new Uint8Array(2),
    ]) {
      const body = encodeBytesFormBody(prepare(bytes));
      expect(body).toEqual(encodeBase64FormBody(encodeBase64(bytes)));
    }
  });

  test("is exact on 600 KB of random bytes", () => {
    const random = new Uint8Array(600 * 1024 + 1);
    for (let offset = 0; offset < random.length; offset += 65_536) {
      crypto.getRandomValues(random.subarray(offset, offset + 65_536));
    }
    expect(text(encodeBytesFormBody(prepare(random)))).toBe(straightforward(random));
  });
});
