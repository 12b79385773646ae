import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBody } from "./read-body.js";

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe("readBody", () => {
  it("reads a body within the cap, joining chunks", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      body: streamOf([new Uint8Array([1, 2]), new Uint8Array([3])]),
      duplex: "half",
    } as RequestInit);
    expect(Array.from(await readBody(request, 3))).toEqual([1, 2, 3]);
  });

  it("gives an empty body for a GET", async () => {
    expect((await readBody(new Request("http://x/"), 10)).byteLength).toBe(0);
  });

  it("refuses a declared length over the cap before reading", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      body: "0123456789",
      headers: { "content-length": "10" },
    });
    await expect(readBody(request, 5)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("stops a streamed body once it passes the cap", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request("http://x/", {
      method: "POST",
      body: endless,
      duplex: "half",
    } as RequestInit);
    await expect(readBody(request, 4096)).rejects.toThrow("over 4096 bytes");
    expect(pulled).toBeLessThan(10);
  });
});
