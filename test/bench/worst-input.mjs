import { deflateSync } from "node:zlib";
import { base64ToBytes, bytesToBase64, checkImage, verifyImageData } from "@liveness-kit/core/image";
import { pngChunk, pngDataSize, pngFile, pngPasses } from "@liveness-kit/core/png";
import { importTypeScriptModule } from "../load/import-typescript-module.mjs";
import { MERCHANT_USER_ID, portraitOfSize } from "./proxy-latency.mjs";

/**
 * The costliest inputs the proxy accepts, each through the work the proxy does on a body before any upstream
 * call (JSON parse and the duplicate-key scan, base64 decode, core's header and data checks, re-encoding), in
 * this process's V8 (workerd's engine). Inputs the proxy refuses cheaply (a PNG whose data would inflate past
 * 8-bit RGBA, a multipart body of more than 8 parts) are not candidates: the worst case is bounded by what
 * passes. Medians of `runs` after a warm-up, in ms.
 * @param {{ runs: number }} options
 */
export async function measureWorstInputs({ runs }) {
  const { findDuplicateJsonKey } = await importTypeScriptModule(
    new URL("../../packages/edge-proxy/src/input/find-duplicate-json-key.ts", import.meta.url),
  );
  const jpeg = await portraitOfSize(1024 * 1024);
  const candidates = [
    ["PNG 1080x1920 8-bit RGB (the most pixel data a PNG may hold)", png(1080, 1920, 2, 8, 0), false],
    ["PNG 1080x1920 8-bit RGB, Adam7-interlaced", png(1080, 1920, 2, 8, 1), false],
    ["PNG 1080x1440 8-bit RGBA", png(1080, 1440, 6, 8, 0), false],
    ["PNG 1080x1920 8-bit RGB in 1-byte IDAT chunks", png(1080, 1920, 2, 8, 0, 1), false],
    [`JPEG of ${Math.round(jpeg.length / 1024)} KB as base64 JSON (1 MiB limit)`, jpeg, true],
  ];
  const results = [];
  for (const [name, image, asJson] of candidates) {
    if (image.length > 1024 * 1024) throw new Error(`${name}: ${image.length} bytes, over the 1 MiB limit`);
    const body = asJson
      ? JSON.stringify({
          merchantUserId: MERCHANT_USER_ID,
          image: { base64: Buffer.from(image).toString("base64") },
        })
      : undefined;
    const once = async () => {
      const started = performance.now();
      let bytes = image;
      if (body !== undefined) {
        const parsed = JSON.parse(body);
        if (findDuplicateJsonKey(body) !== undefined) throw new Error("duplicate key");
        bytes = base64ToBytes(parsed.image.base64);
      }
      const mode = bytes.length <= 600 * 1024 ? "base64" : "file";
      const header = checkImage(bytes, { mode });
      if (!header.ok)
        throw new Error(`${name}: checkImage refused it (${header.problems.map((p) => p.code)})`);
      const data = await verifyImageData(bytes);
      if (!data.ok)
        throw new Error(`${name}: verifyImageData refused it (${data.problems.map((p) => p.code)})`);
      if (mode === "base64") bytesToBase64(bytes);
      return performance.now() - started;
    };
    for (let index = 0; index < 3; index++) await once();
    const times = [];
    for (let index = 0; index < runs; index++) times.push(await once());
    times.sort((a, b) => a - b);
    results.push({ name, bytes: image.length, ms: times[times.length >> 1] });
  }
  return results;
}

/** A flat PNG (every sample zero) of the given layout; `idatSize` splits its data into chunks of that size. */
function png(width, height, colorType, bitDepth, interlace, idatSize = Number.POSITIVE_INFINITY) {
  const size = pngDataSize(pngPasses({ width, height, colorType, bitDepth, interlaced: interlace === 1 }));
  const zlib = deflateSync(Buffer.alloc(size), { level: 9 });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([bitDepth, colorType, 0, 0, interlace], 8);
  const idat = [];
  for (let at = 0; at < zlib.length; at += Math.min(idatSize, zlib.length)) {
    idat.push(pngChunk("IDAT", zlib.subarray(at, at + Math.min(idatSize, zlib.length))));
  }
  return pngFile([pngChunk("IHDR", header), ...idat, pngChunk("IEND", new Uint8Array(0))]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await measureWorstInputs({ runs: 15 }))
    console.log(`${row.ms.toFixed(1)} ms  ${row.bytes} B  ${row.name}`);
}
