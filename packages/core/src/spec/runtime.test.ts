import { expect, test } from "vitest";

test("the runtime has the Web APIs core relies on", async () => {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(""));
  expect(new Uint8Array(digest)[0]).toBe(0xe3);
  expect(typeof AbortSignal.timeout).toBe("function");
});

test("runs on the runtime the script asked for (LIVENESS_RUNTIME under `pnpm test:bun` / `test:deno`)", () => {
  const globals = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Bun?: unknown;
    Deno?: unknown;
  };
  const asked = globals.process?.env?.LIVENESS_RUNTIME;
  expect([undefined, "bun", "deno"]).toContain(asked);
  // Under plain `vitest run` (Node, workerd, Chromium) neither runtime's global may be there: a run that
  // meant Bun or Deno but fell back to Node, or the reverse, fails here.
  expect(typeof globals.Bun).toBe(asked === "bun" ? "object" : "undefined");
  expect(typeof globals.Deno).toBe(asked === "deno" ? "object" : "undefined");
});
