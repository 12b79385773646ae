import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { canonicalQuery } from "./canonical-query.js";
import { PUBLISHED_V3 } from "./test-support/signature-vectors.js";

describe("canonicalQuery", () => {
  test("gives the published example's canonical query", () => {
    const query = canonicalQuery({
      RegionId: "cn-shanghai",
      ImageId: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
    });
    expect(query).toBe(PUBLISHED_V3.canonicalQuery);
    expect(canonicalQuery(new URL(PUBLISHED_V3.url).searchParams)).toBe(PUBLISHED_V3.canonicalQuery);
  });

  test("is empty without parameters", () => {
    expect(canonicalQuery({})).toBe("");
    expect(canonicalQuery(new URLSearchParams())).toBe("");
  });

  test("encodes names and values and sorts by encoded name, then value", () => {
    expect(
      canonicalQuery([
        ["b", "2"],
        ["a b", "x*y"],
        ["b", "1"],
        ["A", ""],
      ]),
    ).toBe("A=&a%20b=x%2Ay&b=1&b=2");
  });

  test("sorts by bytes, so upper case comes before lower case", () => {
    expect(canonicalQuery({ b: "1", B: "2", _: "3", "~": "4" })).toBe("B=2&_=3&b=1&~=4");
  });

  test("reads a record, pairs and URLSearchParams alike", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ unit: "grapheme", maxLength: 8 })),
        (record) => {
          const fromRecord = canonicalQuery(record);
          expect(canonicalQuery(Object.entries(record))).toBe(fromRecord);
          expect(canonicalQuery(new URLSearchParams(record))).toBe(fromRecord);
        },
      ),
      { numRuns: 100 },
    );
  });

  test("does not depend on the order of the parameters", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })), { maxLength: 8 }),
        (pairs) => {
          expect(canonicalQuery([...pairs].reverse())).toBe(canonicalQuery(pairs));
        },
      ),
      { numRuns: 100 },
    );
  });
});
