import { expect, test } from "vitest";
import { isJsonObject, readNumber, readText, readYesNo } from "./json-fields.js";

test("isJsonObject accepts objects only", () => {
  expect([{}, [], null, "x", 1].map(isJsonObject)).toEqual([true, false, false, false, false]);
});

test("readText takes the first non-empty string or finite number", () => {
  expect(readText({ Code: "", code: "x" }, "Code", "code")).toBe("x");
  expect(readText({ Code: 200 }, "Code")).toBe("200");
  expect(readText({ Code: Number.NaN }, "Code")).toBeUndefined();
  expect(readText({ Code: true }, "Code")).toBeUndefined();
});

test("readNumber accepts numbers and numeric strings only", () => {
  expect(readNumber({ a: 1.5 }, "a")).toBe(1.5);
  expect(readNumber({ a: "1.5" }, "a")).toBe(1.5);
  expect(readNumber({ a: " " }, "a")).toBeUndefined();
  expect(readNumber({ a: "1.5x" }, "a")).toBeUndefined();
  expect(readNumber({ a: "Infinity" }, "a")).toBeUndefined();
  expect(readNumber({ a: [1] }, "a")).toBeUndefined();
});

test("readYesNo accepts Y/N in either case and booleans", () => {
  expect(["Y", "y", "N", "n", true, false, "yes", 1].map((v) => readYesNo({ v }, "v"))).toEqual([
    true,
    true,
    false,
    false,
    true,
    false,
    undefined,
    undefined,
  ]);
});
