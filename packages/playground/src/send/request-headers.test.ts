import { describe, expect, test } from "vitest";
import { DEV_CALLER_KEY } from "../result/snippets/code-snippets.js";
import { maskCallerKey, requestHeadersShown } from "./request-headers.js";

describe("the request headers shown", () => {
  test("the public dev key is shown; any other key only by its start and length", () => {
    expect(maskCallerKey(DEV_CALLER_KEY)).toBe(DEV_CALLER_KEY);
    const masked = maskCallerKey("secret-key-1234567890");
    expect(masked).toBe("sec… (21 characters, hidden)");
    expect(masked).not.toContain("1234567890");
    expect(requestHeadersShown("secret-key-1234567890")).toEqual([
      ["content-type", "application/json"],
      ["authorization", "Bearer sec… (21 characters, hidden)"],
    ]);
  });
});
