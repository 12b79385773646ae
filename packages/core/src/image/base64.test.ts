import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Base64Error } from "../errors/base64-error.js";
import { base64DecodedLength, base64ToBytes, bytesToBase64, decodeBase64, encodeBase64 } from "./base64.js";

// The reference: the platform's btoa/atob, which every runtime of this suite has.
const reference = (bytes: Uint8Array) => {
  let binary = "";
  for (let k = 0; k < bytes.length; k += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return btoa(binary);
};
const text = (s: string) => new TextEncoder().encode(s);
const decoders = { base64ToBytes, decodeBase64: (s: string) => decodeBase64(s) };
const encoders = { bytesToBase64, encodeBase64 };

// RFC 4648, section 10.
const vectors: [string, string][] = [
  ["", ""],
  ["f", "Zg=="],
  ["fo", "Zm8="],
  ["foo", "Zm9v"],
  ["foob", "Zm9vYg=="],
  ["fooba", "Zm9vYmE="],
  ["foobar", "Zm9vYmFy"],
];

for (const [name, encode] of Object.entries(encoders)) {
  describe(name, () => {
    test("gives the RFC 4648 test vectors", () => {
      for (const [plain, encoded] of vectors) expect(encode(text(plain))).toBe(encoded);
    });

    test("uses + and / and encodes every byte value", () => {
      const all = Uint8Array.from({ length: 256 }, (_, k) => k);
      expect(encode(all)).toBe(reference(all));
      expect(encode(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe("+/+/");
    });

    test("encodes only the bytes of a view", () => {
      const buffer = text("xxfoobarxx");
      expect(encode(buffer.subarray(2, 8))).toBe("Zm9vYmFy");
    });

    test("matches btoa on random bytes (property)", () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
          expect(encode(bytes)).toBe(reference(bytes));
        }),
      );
    });

    test("encodes a megabyte in one piece", () => {
      const bytes = new Uint8Array(1 << 20);
      for (let k = 0; k < bytes.length; k++) bytes[k] = (k * 2654435761) >>> 24;
      const encoded = encode(bytes);
      expect(encoded).toBe(reference(bytes));
      // A byte loop: a deep toEqual over a megabyte takes seconds.
      const decoded = base64ToBytes(encoded);
      expect(decoded.length).toBe(bytes.length);
      expect(decoded.findIndex((byte, k) => byte !== bytes[k])).toBe(-1);
    });
  });
}

for (const [name, decode] of Object.entries(decoders)) {
  describe(name, () => {
    test("decodes the RFC 4648 test vectors, padded and unpadded", () => {
      for (const [plain, encoded] of vectors) {
        expect(decode(encoded)).toEqual(text(plain));
        expect(decode(encoded.replace(/=+$/, ""))).toEqual(text(plain));
      }
    });

    test("round-trips random bytes against atob (property)", () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
          const encoded = reference(bytes);
          const decoded = decode(encoded);
          expect(decoded).toEqual(bytes);
          expect(decoded).toEqual(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)));
          expect(decode(encoded.replace(/=+$/, ""))).toEqual(bytes);
        }),
      );
    });

    test.each([
      ["a space", "Zm9v YmFy"],
      ["a line break", "Zm9v\nYmFy"],
      ["a trailing line break", "Zm9vYmFy\n"],
      ["a tab in the padding", "Zg=\t="],
      ["the URL-safe alphabet", "-_-_"],
      ["a non-ASCII letter", "Zm9vYmé="],
      ["padding in the middle", "Zg==Zg=="],
      ["three padding characters", "Z==="],
      ["one padding character too few", "Zg="],
      ["padding after a full group", "Zm9v=="],
      ["a lone character", "Z"],
      ["five characters", "Zm9vY"],
      ["padding only", "=="],
      ["a percent sign", "Zm9%"],
    ])("rejects %s with Base64Error", (_name, input) => {
      expect(() => decode(input)).toThrow(Base64Error);
    });

    test("rejects text with whitespace inserted anywhere (property)", () => {
      const whitespace = fc.constantFrom(" ", "\t", "\n", "\r", "\f");
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), whitespace, fc.nat(), (bytes, space, at) => {
          const encoded = reference(bytes);
          const k = at % (encoded.length + 1);
          expect(() => decode(encoded.slice(0, k) + space + encoded.slice(k))).toThrow(Base64Error);
        }),
      );
    });

    test("throws nothing but Base64Error on random text (property)", () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 40, unit: fc.constantFrom(..."AZaz09+/=-_ \n.é") }), (input) => {
          try {
            const decoded = decode(input);
            expect(decoded.length).toBe(base64DecodedLength(input));
            expect(bytesToBase64(decoded).replace(/=+$/, "").length).toBe(input.replace(/=+$/, "").length);
          } catch (error) {
            expect(error).toBeInstanceOf(Base64Error);
          }
        }),
      );
    });

    test("never echoes the text in its error message", () => {
      expect(() => decode("c2VjcmV0 IGltYWdl")).toThrow(expect.objectContaining({ code: "InvalidBase64" }));
      try {
        decode("c2VjcmV0 IGltYWdl");
      } catch (error) {
        expect((error as Error).message).not.toContain("c2VjcmV0");
      }
    });
  });
}

describe("base64DecodedLength", () => {
  test("counts the bytes from length and padding", () => {
    for (const [plain, encoded] of vectors) {
      expect(base64DecodedLength(encoded)).toBe(plain.length);
      expect(base64DecodedLength(encoded.replace(/=+$/, ""))).toBe(plain.length);
    }
    expect(base64DecodedLength("A".repeat(838_864))).toBe(629_148);
  });

  test("throws Base64Error for lengths no base64 text has", () => {
    for (const input of ["Z", "Zm9vY", "Zg=", "Zm9v=", "Zm9v==", "=", "=="]) {
      expect(() => base64DecodedLength(input)).toThrow(Base64Error);
    }
  });

  test("equals the decoded length of every valid text (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.boolean(), (bytes, padded) => {
        const encoded = reference(bytes);
        expect(base64DecodedLength(padded ? encoded : encoded.replace(/=+$/, ""))).toBe(bytes.length);
      }),
    );
  });
});
