import { expect, test } from "vitest";
import { SUB_CODES } from "./sub-codes.js";

test("200 passes and 205 reports a liveness attack", () => {
  expect(SUB_CODES["200"].passed).toBe(true);
  expect(SUB_CODES["205"]).toEqual({ passed: false, meaning: "liveness risk (attack) detected" });
  expect(Object.keys(SUB_CODES).sort()).toEqual(["200", "205"]);
});
