import { describe, expect, it } from "vitest";
import { ProxyError } from "../answers/proxy-error.js";
import { readBoundedBody } from "./read-bounded-body.js";

function streamOf(chunks: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(7));
      controller.close();
    },
  });
}

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("https://proxy.test/", { method: "POST", body, headers });
}

describe("readBoundedBody", () => {
  it("joins the chunks of a body within the limit", async () => {
    const body = await readBoundedBody(post(streamOf([3, 4, 5])), 12);
    expect(body.byteLength).toBe(12);
    expect(body.every((byte) => byte === 7)).toBe(true);
  });

  it("stops a streamed body that declares no length once it passes the limit", async () => {
    const error = await readBoundedBody(post(streamOf([8, 8, 8])), 20).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyError);
    expect((error as ProxyError).status).toBe(413);
    expect((error as ProxyError).code).toBe("payload_too_large");
  });

  it("refuses a declared Content-Length above the limit without reading", async () => {
    const request = post("abc", { "content-length": "99999999" });
    await expect(readBoundedBody(request, 10)).rejects.toMatchObject({ status: 413 });
  });

  it("answers 400 incomplete_body when the body breaks off mid-stream", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(4));
        controller.error(new Error("Network connection lost."));
      },
    });
    const error = await readBoundedBody(post(body), 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyError);
    expect((error as ProxyError).status).toBe(400);
    expect((error as ProxyError).code).toBe("incomplete_body");
    expect((error as ProxyError).message).not.toContain("Network");
  });

  it("gives an empty body for a request without one", async () => {
    expect(
      (await readBoundedBody(new Request("https://proxy.test/", { method: "POST" }), 10)).byteLength,
    ).toBe(0);
  });
});
