import { expect, test } from "vitest";
import { SUB_CODES } from "./sub-codes.js";
import { published, SUB_CODE_FACTS } from "./test-support/published-facts.js";

test("lists exactly the published SubCodes", () => {
  const codes = [...SUB_CODE_FACTS.matchAll(/`(\d{3})`:/g)].map((match) => match[1]);
  expect(Object.keys(SUB_CODES).sort()).toEqual(codes.sort());
});

test("only the code published as passed passes; the other is the detected risk", () => {
  const [passed] = published(SUB_CODE_FACTS, /`(\d{3})`: passed/);
  const [risk] = published(SUB_CODE_FACTS, /`(\d{3})`: liveness risk detected/);
  for (const [code, info] of Object.entries(SUB_CODES)) expect(info.passed).toBe(code === passed);
  expect(SUB_CODES[risk as keyof typeof SUB_CODES].meaning).toMatch(/liveness risk/);
});
