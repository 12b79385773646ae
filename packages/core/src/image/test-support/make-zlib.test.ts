import { expect, test } from "vitest";
import { compressZlib, makeStoredZlib, makeZlibBomb, slowAdler32 } from "./make-zlib.js";

// The generators must write what real inflaters read, or the PNG tests prove nothing.
async function inflate(stream: Uint8Array): Promise<Uint8Array> {
  const body = new Blob([stream as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(body).arrayBuffer());
}

test("the stored stream inflates back to its data, over several blocks and for no data at all", async () => {
  const data = Uint8Array.from({ length: 150_000 }, (_, k) => (k * 131) & 255);
  expect(await inflate(makeStoredZlib(data))).toEqual(data);
  expect(await inflate(makeStoredZlib(new Uint8Array(0)))).toEqual(new Uint8Array(0));
  expect(makeStoredZlib(data).length).toBe(2 + data.length + 3 * 5 + 4);
});

test("the compressed stream inflates back and is smaller; the bomb is what it claims", async () => {
  const data = new Uint8Array(50_000).fill(7);
  const compressed = await compressZlib(data);
  expect(compressed.length).toBeLessThan(1000);
  expect(await inflate(compressed)).toEqual(data);
  const bomb = await makeZlibBomb(2);
  expect(bomb.length).toBeLessThan(4000);
  expect((await inflate(bomb)).length).toBe(2 << 20);
});

test("slowAdler32 gives the well-known value of 'Wikipedia'", () => {
  expect(slowAdler32(new TextEncoder().encode("Wikipedia"))).toBe(0x11e60398);
});
