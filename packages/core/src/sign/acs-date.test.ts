import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ValidationError } from "../errors/index.js";
import { formatAcsDate, parseAcsDate } from "./acs-date.js";

describe("formatAcsDate", () => {
  test("writes UTC without milliseconds", () => {
    expect(formatAcsDate(new Date(Date.UTC(2023, 9, 26, 10, 22, 32, 999)))).toBe("2023-10-26T10:22:32Z");
    expect(formatAcsDate(new Date("2016-02-23T12:46:24+08:00"))).toBe("2016-02-23T04:46:24Z");
  });

  test("refuses an invalid date with a ValidationError", () => {
    expect(() => formatAcsDate(new Date(Number.NaN))).toThrow(ValidationError);
    expect(() => formatAcsDate(new Date(Date.UTC(10000, 0, 1)))).toThrow(ValidationError);
  });
});

describe("parseAcsDate", () => {
  test("reads what formatAcsDate writes", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1970-01-01T00:00:00Z"),
          max: new Date("9999-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        (date) => {
          const text = formatAcsDate(date);
          expect(parseAcsDate(text)?.getTime()).toBe(Math.floor(date.getTime() / 1000) * 1000);
        },
      ),
      { numRuns: 100 },
    );
  });

  test("tolerates fractional seconds", () => {
    expect(parseAcsDate("2024-09-04T12:33:10.973Z")?.toISOString()).toBe("2024-09-04T12:33:10.973Z");
  });

  test.each([
    "",
    "2023-10-26 10:22:32",
    "2023-10-26T10:22:32",
    "2023-10-26T10:22:32+08:00",
    "2023-13-01T00:00:00Z",
    "2023-02-30T00:00:00Z",
    "2023-10-26T24:00:00Z",
    "2023-10-26T10:60:00Z",
    " 2023-10-26T10:22:32Z",
    "١٢٣٤-10-26T10:22:32Z",
  ])("refuses %j", (text) => {
    expect(parseAcsDate(text)).toBeUndefined();
  });
});
