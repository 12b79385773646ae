import { describe, expect, test } from "vitest";
import { completeRequest } from "./complete-request.js";

function at(marked: string, context = {}) {
  const pos = marked.indexOf("|");
  return completeRequest(marked.slice(0, pos) + marked.slice(pos + 1), pos, context);
}

describe("completeRequest", () => {
  test("offers the top-level field names not yet present", () => {
    expect(at('{\n  "merchantUserId": "x",\n  |')?.options.map((o) => o.label)).toEqual([
      "merchantBizId",
      "image",
      "faceQualityCheck",
    ]);
  });

  test("filters by the typed prefix and replaces the whole token, auto-closed quote included", () => {
    const result = at('{\n  "merchantUserId": "x",\n  "ima|"\n}');
    expect(result?.from).toBe(29);
    expect(result?.to).toBe(34);
    expect(result?.options.map((o) => o.label)).toEqual(["image"]);
    expect(result?.options.find((o) => o.label === "image")).toMatchObject({
      apply: '"image": ',
      type: "property",
      detail: "object, required",
    });
  });

  test("offers base64 and url inside image", () => {
    expect(at('{ "image": { | } }')?.options.map((o) => o.label)).toEqual(["base64", "url"]);
    expect(at('{ "image": { "url": "https://a", | } }')?.options.map((o) => o.label)).toEqual(["base64"]);
  });

  test("offers values: booleans, a fresh MerchantBizId, the placeholder, the user id hash", () => {
    expect(at('{ "faceQualityCheck": | }')?.options.map((o) => o.apply)).toEqual(["true", "false"]);
    expect(at('{ "faceQualityCheck": f| }')).toMatchObject({ to: 23, options: [{ apply: "false" }] });
    const id = at('{ "merchantBizId": "| }')?.options[0]?.apply ?? "";
    expect(id).toMatch(/^"[A-Za-z0-9]{32}"$/);
    expect(at('{ "image": { "base64": | } }')?.options.map((o) => o.apply)).toEqual(['"<image>"']);
    const hash = "f".repeat(64);
    expect(at('{ "merchantUserId": | }', { userIdHash: hash })?.options[0]?.apply).toBe(`"${hash}"`);
    expect(at('{ "merchantUserId": | }')).toBeUndefined();
  });

  test("offers nothing where nothing fits", () => {
    expect(at('{ "merchantBizId" | }')).toBeUndefined();
    expect(at('{ "unknown": | }')).toBeUndefined();
  });
});
