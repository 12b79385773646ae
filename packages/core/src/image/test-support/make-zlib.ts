// Builds zlib streams (RFC 1950) for the PNG tests, so no binary fixture is committed: stored (uncompressed)
// deflate blocks written byte by byte, or real compression by the runtime's CompressionStream.

/** A zlib stream of `data` in stored deflate blocks (RFC 1951, 3.2.4): header 78 01, blocks, Adler-32. */
export function makeStoredZlib(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65_535));
  const out = new Uint8Array(2 + data.length + blocks * 5 + 4);
  out.set([0x78, 0x01]);
  let at = 2;
  for (let b = 0; b < blocks; b++) {
    const piece = data.subarray(b * 65_535, (b + 1) * 65_535);
    const n = piece.length;
    // BFINAL on the last block, BTYPE 00; then LEN and its complement NLEN, little-endian.
    out.set([b === blocks - 1 ? 1 : 0, n & 255, n >> 8, ~n & 255, (~n >> 8) & 255], at);
    out.set(piece, at + 5);
    at += 5 + n;
  }
  const sum = slowAdler32(data);
  out.set([sum >>> 24, (sum >>> 16) & 255, (sum >>> 8) & 255, sum & 255], at);
  return out;
}

/** `data` compressed to a zlib stream by the runtime (CompressionStream("deflate"), real zlib output). */
export async function compressZlib(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A zlib stream that inflates to `mebibytes` MiB of zeros (about a thousandth of that compressed). */
export async function makeZlibBomb(mebibytes: number): Promise<Uint8Array> {
  const zeros = new Uint8Array(1 << 20);
  let left = mebibytes;
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (left-- > 0) controller.enqueue(zeros);
      else controller.close();
    },
  });
  return new Uint8Array(
    await new Response(source.pipeThrough(new CompressionStream("deflate"))).arrayBuffer(),
  );
}

/** Adler-32 by its definition, one modulo per byte: slow and plainly right, to check the fast one against. */
export function slowAdler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return (b * 65536 + a) >>> 0;
}
