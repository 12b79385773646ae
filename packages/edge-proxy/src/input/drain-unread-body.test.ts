import { Hono } from "hono";
import { describe, expect, it } from "vitest";
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

function appAnswering(read: boolean) {
  const app = new Hono();
  app.use("*", drainUnreadBody);
  app.post("/", async (c) => {
    if (read) await c.req.arrayBuffer();
    return c.json({ code: "refused" }, 401);
  });
  return app;
}

describe("drainUnreadBody", () => {
  it("reads the whole body of an early answer, so the client can finish its upload", async () => {
    const { body, pulled } = countedBody(8, 64 * 1024);
    const request = new Request("https://proxy.test/", {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    const response = await appAnswering(false).fetch(request);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: "refused" });
    expect(pulled()).toBe(8);
  });

  it("stops after its byte cap", async () => {
    const { body, pulled } = countedBody(100, 64 * 1024);
    const request = new Request("https://proxy.test/", {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    await appAnswering(false).fetch(request);
    // 2 MiB cap: 32 chunks of 64 KiB, plus the one that passes it.
    expect(pulled()).toBeLessThanOrEqual(34);
    expect(pulled()).toBeGreaterThan(30);
  });

  it("leaves a body the route read alone", async () => {
    const { body, pulled } = countedBody(3, 10);
    const request = new Request("https://proxy.test/", {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    const response = await appAnswering(true).fetch(request);
    expect(response.status).toBe(401);
    expect(pulled()).toBe(3);
  });
});
