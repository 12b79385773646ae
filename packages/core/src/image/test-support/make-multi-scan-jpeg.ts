// Builds JPEG files of several scans for the data checks, byte by byte, so no binary fixture is committed.
// They are real, decodable JPEGs of a flat grey (Chromium decodes them in the chromium project): every block
// codes a DC difference of 0 and an end-of-block, each with a one-bit Huffman code.
// - baseline: one interleaved scan of every component;
// - progressive: a DC first scan (successive approximation, Al 1), then a Huffman table for AC (a segment
//   between scans), one AC scan (1..63) per component, and a DC refinement scan.
// With `restartInterval`, a DRI segment and an RSTn marker after every that many MCUs in every scan.

import { ascii } from "./make-jpeg.js";

/** What to build; only `width` and `height` are required. */
export interface MultiScanJpegOptions {
  readonly width: number;
  readonly height: number;
  /** 1 (grey) or 3 (YCbCr, no subsampling); default 3. */
  readonly components?: 1 | 3;
  readonly progressive?: boolean;
  readonly restartInterval?: number;
}

/** A JPEG of one (baseline) or several (progressive) scans. */
export function makeMultiScanJpeg(options: MultiScanJpegOptions): Uint8Array {
  const { width, height, components = 3, progressive = false, restartInterval = 0 } = options;
  const ids = Array.from({ length: components }, (_, k) => k + 1);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const oneCode = [1, ...new Array<number>(15).fill(0), 0];
  const out: number[] = [0xff, 0xd8];
  out.push(...segment(0xe0, [...ascii("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  out.push(...segment(0xdb, [0, ...new Array<number>(64).fill(1)]));
  const frame = [8, height >> 8, height & 255, width >> 8, width & 255, components];
  for (const id of ids) frame.push(id, 0x11, 0);
  out.push(...segment(progressive ? 0xc2 : 0xc0, frame));
  if (restartInterval) out.push(...segment(0xdd, [restartInterval >> 8, restartInterval & 255]));
  const scan = (members: number[], ss: number, se: number, approximation: number, bitsPerBlock: number) => {
    out.push(
      ...segment(0xda, [members.length, ...members.flatMap((id) => [id, 0x00]), ss, se, approximation]),
    );
    out.push(...entropyData(blocks, members.length * bitsPerBlock, restartInterval));
  };
  if (!progressive) {
    out.push(...segment(0xc4, [0x00, ...oneCode, 0x10, ...oneCode]));
    scan(ids, 0, 63, 0, 2);
  } else {
    out.push(...segment(0xc4, [0x00, ...oneCode]));
    scan(ids, 0, 0, 0x01, 1);
    out.push(...segment(0xc4, [0x10, ...oneCode]));
    for (const id of ids) scan([id], 1, 63, 0x00, 1);
    scan(ids, 0, 0, 0x10, 1);
  }
  out.push(0xff, 0xd9);
  return Uint8Array.from(out);
}

/** Zero bits for `mcus` MCUs of `bitsPerMcu` bits; each restart interval padded with ones, then RSTn. */
function entropyData(mcus: number, bitsPerMcu: number, interval: number): number[] {
  const out: number[] = [];
  const per = interval || mcus;
  for (let first = 0, k = 0; first < mcus; first += per, k++) {
    if (first) out.push(0xff, 0xd0 + ((k - 1) % 8));
    const bits = Math.min(per, mcus - first) * bitsPerMcu;
    const bytes = new Array<number>(Math.ceil(bits / 8)).fill(0);
    if (bits % 8) bytes[bytes.length - 1] = 0xff >> (bits % 8);
    out.push(...bytes);
  }
  return out;
}

function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 255, ...payload];
}
