import { describe, expect, test } from "vitest";
import { probeHealth } from "./probe-health.js";

describe("probeHealth", () => {
  test("a 200 is up and its region is read", async () => {
    const seen: string[] = [];
    const fetchFn = (async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify({ ok: true, region: "ap-southeast-1" }), { status: 200 });
    }) as unknown as typeof fetch;
    expect(await probeHealth("http://127.0.0.1:8787/", { fetch: fetchFn })).toMatchObject({
      up: true,
      reachable: true,
      status: 200,
      region: "ap-southeast-1",
    });
    expect(seen).toEqual(["http://127.0.0.1:8787/healthz"]);
  });

  test("a 503 is reachable but not up; a plain-text body is fine", async () => {
    const fetchFn = (async () => new Response("degraded", { status: 503 })) as unknown as typeof fetch;
    expect(await probeHealth("http://x", { fetch: fetchFn })).toMatchObject({
      up: false,
      reachable: true,
      status: 503,
    });
  });

  test("a refused connection is neither", async () => {
    const fetchFn = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    const report = await probeHealth("http://x", { fetch: fetchFn });
    expect(report).toMatchObject({ up: false, reachable: false });
    expect(report.status).toBeUndefined();
    expect(report.corsBlocked).toBeUndefined();
  });

  test("an answer the browser hides (CORS) but a no-cors request gets is a proxy refusing this origin", async () => {
    const modes: (string | undefined)[] = [];
    const fetchFn = (async (_url: string, init?: RequestInit) => {
      modes.push(init?.mode);
      if (init?.mode !== "no-cors") throw new TypeError("Failed to fetch");
      return new Response(null, { status: 200 });
    }) as unknown as typeof fetch;
    expect(await probeHealth("http://x", { fetch: fetchFn })).toMatchObject({
      up: false,
      reachable: true,
      corsBlocked: true,
    });
    expect(modes).toEqual([undefined, "no-cors"]);
  });
});
