import { concatBytes } from "../bytes/concat-bytes.js";
import { ADLER32_START, adler32 } from "./adler32.js";
import { dataFault, type ImageDataFault } from "./image-data-problem.js";
import { pngDataSize, pngScanlines } from "./png-scanlines.js";
import type { PngStructure } from "./walk-png-chunks.js";

// The IDAT data is fed to the inflater in pieces of this size, and only when it is ready for more: a piece can
// inflate to at most about 16 MiB (deflate's limit is 1032:1), so a bomb overshoots the expected size by at
// most a piece or two's output (Node, workerd and Bun hand it on in small chunks, and stop sooner), and a
// stopped stream is fed nothing more. Smaller pieces cost more CPU per image (about 35% more at 4 KiB).
const PIECE = 16_384;

/**
 * Inflates a PNG's IDAT data with `DecompressionStream("deflate")` (Workers, browsers, Node 20, Deno, Bun) and
 * checks that it is one sound zlib stream holding exactly the scanlines IHDR implies: a zlib header (deflate,
 * no preset dictionary), data that inflates, exactly the expected number of bytes, a valid filter type (0-4)
 * at the start of every scanline, and an Adler-32 that matches the inflated bytes and ends the IDAT data.
 * Nothing is kept: the inflated bytes are counted and checked as they stream by, and the stream is stopped
 * as soon as it exceeds the expected size, so a zlib bomb costs little more than a sound image of that size.
 * The Adler-32 is checked here rather than left to the runtime because runtimes differ: some accept a
 * stream without its checksum, others data after its end. Returns the first fault, or undefined; never throws.
 */
export async function inflatePngData(png: PngStructure): Promise<ImageDataFault | undefined> {
  const runs = pngScanlines(png);
  const expected = pngDataSize(runs);
  const size = `${expected} bytes a ${png.width}x${png.height} image needs`;
  const total = png.idat.reduce((sum, part) => sum + part.length, 0);
  const byteAt = (k: number) => byteOf(png.idat, k < 0 ? total + k : k);
  const cmf = byteAt(0);
  const flg = byteAt(1);
  if (total < 6 || (cmf & 15) !== 8 || cmf >> 4 > 7 || (cmf * 256 + flg) % 31 || flg & 0x20) {
    return dataFault("corrupt_data", "The PNG's pixel data (IDAT) is not a zlib stream.");
  }
  const stored = byteAt(-4) * 0x1000000 + ((byteAt(-3) << 16) | (byteAt(-2) << 8) | byteAt(-1));
  const reader = inflate(png.idat);
  let produced = 0;
  let checksum = ADLER32_START;
  let run = 0;
  let rowsLeft = runs[0]?.rows ?? 0;
  let nextFilter = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const end = produced + value.length;
      if (end > expected) {
        await reader.cancel().catch(() => undefined);
        return dataFault(
          "size_mismatch",
          `The PNG's pixel data inflates to more than the ${size} (stopped there).`,
        );
      }
      for (; nextFilter < end; rowsLeft--) {
        if (!rowsLeft) rowsLeft = runs[++run]?.rows ?? 0;
        if (value[nextFilter - produced]! > 4) {
          await reader.cancel().catch(() => undefined);
          return dataFault(
            "corrupt_data",
            `The PNG's pixel data has an invalid filter type at inflated byte ${nextFilter}.`,
          );
        }
        nextFilter += 1 + (runs[run]?.rowBytes ?? 0);
      }
      checksum = adler32(checksum, value);
      produced = end;
    }
  } catch {
    return dataFault("corrupt_data", "The PNG's pixel data (zlib in IDAT) is damaged: it does not inflate.");
  }
  if (produced < expected) {
    return dataFault("size_mismatch", `The PNG's pixel data inflates to ${produced} bytes; the ${size}.`);
  }
  if (checksum !== stored) {
    return dataFault(
      "corrupt_data",
      "The PNG's pixel data fails its Adler-32 check (damaged, or with data after the end of its zlib stream).",
    );
  }
  return undefined;
}

/** The byte at `k` of the concatenated parts (0 outside them). */
function byteOf(parts: readonly Uint8Array[], k: number): number {
  for (const part of parts) {
    if (k < part.length) return k < 0 ? 0 : part[k]!;
    k -= part.length;
  }
  return 0;
}

/**
 * A reader of the inflated parts. They are written in pieces of at most `PIECE` bytes (views, not copies),
 * each when the inflater is ready for it, by hand rather than with `pipeThrough`: every promise is then
 * handled here (workerd reports a rejected close of a pipe as an uncaught error), and cancelling the reader
 * stops the writing.
 */
function inflate(parts: readonly Uint8Array[]): ReadableStreamDefaultReader<Uint8Array> {
  const inflater = new DecompressionStream("deflate");
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  const ignore = () => undefined;
  writer.closed.catch(ignore);
  reader.closed.catch(ignore);
  // A failure here also fails the reader, which is where it is reported.
  (async () => {
    for (const piece of pieces(parts)) {
      await writer.ready;
      await writer.write(piece as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })().catch(ignore);
  return reader;
}

/**
 * The parts in pieces of at most `PIECE` bytes: a large part as views of itself, small consecutive parts
 * copied together. Each write costs a round through the stream whatever its size, so a PNG of thousands of
 * one-byte IDAT chunks must not become thousands of writes (it took 280 ms where one write takes 20).
 */
function* pieces(parts: readonly Uint8Array[]): Generator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  function* flush(): Generator<Uint8Array> {
    if (pending.length === 1) yield pending[0]!;
    else if (pending.length > 1) yield concatBytes(...pending);
    pending = [];
    pendingSize = 0;
  }
  for (const part of parts) {
    if (part.length >= PIECE) {
      yield* flush();
      for (let offset = 0; offset < part.length; offset += PIECE) yield part.subarray(offset, offset + PIECE);
      continue;
    }
    if (pendingSize + part.length > PIECE) yield* flush();
    pending.push(part);
    pendingSize += part.length;
  }
  yield* flush();
}
