import fc from "fast-check";

/**
 * Any UTF-16 text: ASCII, the rest of the BMP (lone surrogates included) and astral characters. fast-check's own
 * `unit: "binary"` spends about a second building tables on first use, in every test file and runtime.
 */
export const anyText = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 0x7f }),
        fc.integer({ min: 0x80, max: 0xffff }),
        fc.integer({ min: 0x10000, max: 0x10ffff }),
      ),
      { maxLength },
    )
    .map((codePoints) => String.fromCodePoint(...codePoints));
