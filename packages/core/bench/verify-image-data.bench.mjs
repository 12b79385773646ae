// Benchmark of the data check (verifyImageData) on a 600 KB JPEG and on PNGs of 480x640. Run after
// `pnpm build`:
//   node bench/verify-image-data.bench.mjs
// It prints ms/op (median of many runs after a warm-up, the cases interleaved in rounds) next to the floor
// of the same run: one crypto.subtle SHA-256 of the same bytes, which every request's signature pays anyway.
// Information only: no budget is enforced (the goal is "a few ms" for a 600 KB JPEG in a Worker).
import { deflateSync } from "node:zlib";
import { seededBytes } from "../dist/bytes/index.js";
import { verifyImageData } from "../dist/image/index.js";
import { pngChunk, pngFile } from "../dist/png/index.js";

const WARM_UP = 20;
const ROUNDS = 8;
const RUNS_PER_ROUND = 25;

const segment = (marker, payload) => [
  0xff,
  marker,
  (payload.length + 2) >> 8,
  (payload.length + 2) & 255,
  ...payload,
];

/**
 * A JPEG of `size` bytes, shaped like a camera's: SOI, DQT, a 480x640 YCbCr frame, DHT, SOS, then noise as
 * entropy-coded data (each 0xFF stuffed with 0x00, an RST marker every 4 KB: what the walk meets in a real
 * photo), then EOI. The check does not decode, so noise costs it what a real scan costs.
 */
function makeJpeg(size) {
  const oneCode = [1, ...new Array(15).fill(0), 0];
  const head = [
    0xff,
    0xd8,
    ...segment(0xdb, [0, ...new Array(64).fill(1)]),
    ...segment(0xc0, [8, 640 >> 8, 640 & 255, 480 >> 8, 480 & 255, 3, 1, 0x22, 0, 2, 0x11, 0, 3, 0x11, 0]),
    ...segment(0xc4, [0x00, ...oneCode, 0x10, ...oneCode]),
    ...segment(0xdd, [0, 64]),
    ...segment(0xda, [3, 1, 0, 2, 0, 3, 0, 0, 63, 0]),
  ];
  const out = new Uint8Array(size);
  out.set(head);
  const data = seededBytes(size - head.length - 2, 7);
  let at = head.length;
  let restart = 0;
  for (let k = 0; at < size - 3 && k < data.length; k++) {
    out[at++] = data[k];
    if (data[k] === 0xff) out[at++] = 0;
    else if (k % 4096 === 4095) {
      out[at++] = 0xff;
      out[at++] = 0xd0 + (restart++ % 8);
    }
  }
  out.set([0xff, 0xd9], at);
  return out.subarray(0, at + 2);
}

/** A 480x640 RGB PNG whose rows hold `grain` bits of noise per sample (more grain, a bigger file). */
function makePng(grain) {
  const rowBytes = 480 * 3;
  const rows = new Uint8Array(640 * (1 + rowBytes));
  const random = seededBytes(rows.length, 11);
  for (let y = 0; y < 640; y++) {
    rows[y * (1 + rowBytes)] = 1; // Sub
    for (let x = 1; x <= rowBytes; x++)
      rows[y * (1 + rowBytes) + x] = random[y * rowBytes + x] >> (8 - grain);
  }
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 480);
  new DataView(ihdr.buffer).setUint32(4, 640);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return pngFile([
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", new Uint8Array(deflateSync(rows))),
    pngChunk("IEND", new Uint8Array(0)),
  ]);
}

const images = [
  ["JPEG", makeJpeg(600 * 1024)],
  ["PNG, fine grain", makePng(6)],
  ["PNG, smooth", makePng(2)],
];
const cases = [];
for (const [name, bytes] of images) {
  const report = await verifyImageData(bytes);
  if (!report.ok)
    throw new Error(`${name}: the bench image must pass, got ${JSON.stringify(report.problems)}`);
  cases.push({
    name: `verifyImageData, ${name} of ${bytes.length} B`,
    bytes,
    run: () => verifyImageData(bytes),
  });
  cases.push({
    name: `  floor: SHA-256 of the same ${bytes.length} B`,
    bytes,
    run: () => crypto.subtle.digest("SHA-256", bytes),
  });
}

for (let k = 0; k < WARM_UP; k++) for (const c of cases) await c.run();
const times = new Map(cases.map((c) => [c, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) {
    for (let k = 0; k < RUNS_PER_ROUND; k++) {
      const start = performance.now();
      await c.run();
      times.get(c).push(performance.now() - start);
    }
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
console.log(`verifyImageData (Node ${process.versions.node}), median of ${ROUNDS * RUNS_PER_ROUND} runs:`);
console.table(cases.map((c) => ({ case: c.name, "ms/op": Number(median(times.get(c)).toFixed(3)) })));
