import { expect, test } from "vitest";

test("the runtime has the Web APIs core relies on", async () => {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(""));
  expect(new Uint8Array(digest)[0]).toBe(0xe3);
  expect(typeof AbortSignal.timeout).toBe("function");
});

test("runs on the runtime the script asked for (LIVENESS_RUNTIME=bun under `pnpm test:bun`)", () => {
  const globals = globalThis as { process?: { env?: Record<string, string | undefined> }; Bun?: unknown };
  const asked = globals.process?.env?.LIVENESS_RUNTIME;
  expect(asked === undefined || asked === "bun").toBe(true);
  if (asked === "bun") expect(typeof globals.Bun).toBe("object");
});
