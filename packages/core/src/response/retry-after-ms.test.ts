import { expect, test } from "vitest";
import { retryAfterMs } from "./retry-after-ms.js";

test("reads x-acs-retry-after as milliseconds, from Headers or a plain object in any case", () => {
  expect(retryAfterMs(new Headers({ "x-acs-retry-after": "250" }))).toBe(250);
  expect(retryAfterMs({ "X-ACS-Retry-After": "250" })).toBe(250);
});

test("falls back to retry-after in seconds", () => {
  expect(retryAfterMs({ "retry-after": "2" })).toBe(2000);
  expect(retryAfterMs({ "retry-after": "2", "x-acs-retry-after": "10" })).toBe(10);
});

test("ignores what is not a non-negative number", () => {
  for (const value of ["", "-1", "soon", "Wed, 21 Oct 2015 07:28:00 GMT", "1e3"]) {
    expect(retryAfterMs({ "x-acs-retry-after": value }), value).toBeUndefined();
  }
  expect(retryAfterMs(undefined)).toBeUndefined();
});
