import { describe, expect, test } from "vitest";
import { findSecrets, type Secret, secretForms } from "./secret-scanner.js";

// The scanner must find what is there: each test plants a secret and expects the finding (and proves
// that the clean text next to it passes), so a scan that finds nothing means something.
const planted: Secret = { label: "the AccessKey secret", value: "planted-Secret/with+odd=chars" };
const secrets: Secret[] = [planted, { label: "a user id", value: "mei.ling@example.com" }];

describe("findSecrets", () => {
  test("finds a secret planted as it is in a log line, and nothing in the clean line", () => {
    expect(findSecrets(`{"level":"info","key":"${planted.value}"}`, secrets, "stack.log:3")).toEqual([
      { label: "the AccessKey secret", where: "stack.log:3" },
    ]);
    expect(findSecrets('{"level":"info","key":"(hidden)"}', secrets, "stack.log:4")).toEqual([]);
  });

  test.each([
    ["percent-encoded", encodeURIComponent(planted.value)],
    ["JSON-escaped", JSON.stringify({ v: `a"${planted.value}` })],
    ["in base64", Buffer.from(`${planted.value}:rest`).toString("base64")],
    ["in base64url", Buffer.from(`${planted.value}!`).toString("base64url")],
    ["in base64 after one byte", Buffer.from(`x${planted.value}`).toString("base64")],
    [
      "in a Basic credential (base64 after two bytes)",
      `Basic ${Buffer.from(`ab${planted.value}`).toString("base64")}`,
    ],
    ["in base64url after four bytes", Buffer.from(`abcd${planted.value}`).toString("base64url")],
  ])("finds it %s", (_form, text) => {
    expect(findSecrets(`prefix ${text} suffix`, secrets, "body")).toEqual([
      { label: "the AccessKey secret", where: "body" },
    ]);
  });

  test("reports each secret found, and never the value itself", () => {
    const findings = findSecrets(
      `mei.ling@example.com ${planted.value} ${planted.value}`,
      secrets,
      "header x-a",
    );
    expect(findings.map((finding) => finding.label)).toEqual(["the AccessKey secret", "a user id"]);
    expect(JSON.stringify(findings)).not.toContain(planted.value);
    expect(JSON.stringify(findings)).not.toContain("mei.ling");
  });

  test("is case-sensitive and does not match a part of the secret", () => {
    expect(findSecrets(planted.value.toUpperCase(), secrets, "x")).toEqual([]);
    expect(findSecrets(planted.value.slice(0, -2), secrets, "x")).toEqual([]);
  });

  test("finds a non-ASCII secret written with \\u escapes", () => {
    const name: Secret = { label: "a raw name", value: "陈美玲-8812" };
    expect(findSecrets('{"name":"\\u9648\\u7f8e\\u73b2-8812"}', [name], "body")).toEqual([
      { label: "a raw name", where: "body" },
    ]);
  });

  test("skips forms too short to mean anything", () => {
    expect(secretForms("abc")).toEqual([]);
    expect(secretForms("long-enough-value")).toContain("long-enough-value");
  });
});
