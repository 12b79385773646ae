import { describe, expect, test } from "vitest";
import { checkSignedDate, type VerifyContext } from "./verify-context.js";

const NOW = Date.parse("2025-01-02T03:04:05Z");
const context: VerifyContext = {
  method: "POST",
  url: new URL("https://h/"),
  headers: new Map(),
  body: new Uint8Array(0),
  lookupSecret: async () => undefined,
  now: NOW,
  maxSkewMs: 15 * 60_000,
};

describe("checkSignedDate", () => {
  test("returns the date when it is within the skew", () => {
    expect(checkSignedDate(context, "x-acs-date", "2025-01-02T03:19:05Z")).toEqual(
      new Date("2025-01-02T03:19:05Z"),
    );
  });

  test("says Expired beyond the skew and Format for a bad value, naming the field", () => {
    expect(checkSignedDate(context, "x-acs-date", "2025-01-02T03:19:06Z")).toMatchObject({
      ok: false,
      code: "InvalidTimeStamp.Expired",
      message: expect.stringContaining("x-acs-date"),
    });
    expect(checkSignedDate(context, "Timestamp", "yesterday")).toMatchObject({
      ok: false,
      code: "InvalidTimeStamp.Format",
      message: expect.stringContaining("Timestamp"),
    });
  });
});
