import { expect, test } from "vitest";

test("the runtime has the Web APIs core relies on", async () => {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(""));
  expect(new Uint8Array(digest)[0]).toBe(0xe3);
  expect(typeof AbortSignal.timeout).toBe("function");
});
