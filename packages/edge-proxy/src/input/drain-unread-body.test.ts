import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { ProxyConfig } from "../config/proxy-config.js";
import type { ProxyAppEnv } from "../proxy-app-env.js";
import { type BodyReadLimits, DEFAULT_BODY_READ_LIMITS } from "./body-read-limits.js";
import { drainUnreadBody } from "./drain-unread-body.js";

/** A body that counts how many of its chunks were pulled. */
function countedBody(
  chunks: number,
  size: number,
): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { body, pulled: () => pulled };
}

/** An app that answers 401 (reading the body first when `read`), with `body` limits in its config. */
function appAnswering(read: boolean, body?: BodyReadLimits) {
  const app = new Hono<ProxyAppEnv>();
  app.use("*", drainUnreadBody);
  if (body !== undefined) {
    app.use("*", async (c, next) => {
      c.set("config", { body } as ProxyConfig);
      await next();
    });
  }
  app.post("/", async (c) => {
    if (read) await c.req.arrayBuffer();
    return c.json({ code: "refused" }, 401);
  });
  return app;
}

function post(body: ReadableStream<Uint8Array>): Request {
  return new Request("https://proxy.test/", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("drainUnreadBody", () => {
  it("reads the whole body of an early answer, so the client can finish its upload", async () => {
    const { body, pulled } = countedBody(8, 64 * 1024);
    const response = await appAnswering(false).fetch(post(body));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: "refused" });
    expect(pulled()).toBe(8);
  });

  it("stops after the default byte cap when the configuration is missing", async () => {
    const { body, pulled } = countedBody(100, 64 * 1024);
    await appAnswering(false).fetch(post(body));
    // 4 MiB: 64 chunks of 64 KiB, plus the one that passes it (and one read ahead).
    const cap = DEFAULT_BODY_READ_LIMITS.drainMaxBytes / (64 * 1024);
    expect(pulled()).toBeLessThanOrEqual(cap + 2);
    expect(pulled()).toBeGreaterThan(cap - 2);
  });

  it("follows the drain bounds of the configuration", async () => {
    const { body, pulled } = countedBody(100, 64 * 1024);
    await appAnswering(false, { ...DEFAULT_BODY_READ_LIMITS, drainMaxBytes: 256 * 1024 }).fetch(post(body));
    expect(pulled()).toBeLessThanOrEqual(6);
    expect(pulled()).toBeGreaterThanOrEqual(4);
  });

  it("answers a client that stalls mid-body once the drain's idle wait is over", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
      },
    });
    const limits = { ...DEFAULT_BODY_READ_LIMITS, idleTimeoutMs: 30 };
    const response = await appAnswering(false, limits).fetch(post(body));
    expect(response.status).toBe(401);
  });

  it("leaves a body the route read alone", async () => {
    const { body, pulled } = countedBody(3, 10);
    const response = await appAnswering(true).fetch(post(body));
    expect(response.status).toBe(401);
    expect(pulled()).toBe(3);
  });
});
