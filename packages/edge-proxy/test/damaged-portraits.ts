// Generated portraits whose header stays sound while their data is damaged: what core's checkImage passes
// and only its data check (verifyImageData) refuses.
import { seededBytes } from "@liveness-kit/core/bytes";
import type { PortraitSet } from "./portrait-set.js";
import { portraitBytes } from "./portraits.js";

/** The index just past a JPEG's first SOS segment: where its entropy-coded data begins. */
function scanStart(jpeg: Uint8Array): number {
  let at = 2;
  while (at + 4 <= jpeg.length) {
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    if (jpeg[at + 1] === 0xda) return at + 2 + length;
    at += 2 + length;
  }
  throw new Error("no scan in this JPEG");
}

/** The portrait's header, then as many bytes of deterministic noise as its scan had, then EOI. */
export function portraitOverNoise(name: keyof PortraitSet, seed = 1): Uint8Array {
  const jpeg = portraitBytes(name);
  const start = scanStart(jpeg);
  const out = new Uint8Array(jpeg.length);
  out.set(jpeg.subarray(0, start));
  out.set(seededBytes(out.length - 2 - start, seed), start);
  out.set([0xff, 0xd9], out.length - 2);
  return out;
}

/** The portrait cut off halfway through its scan, as an interrupted upload leaves it. */
export function portraitCutShort(name: keyof PortraitSet): Uint8Array {
  const jpeg = portraitBytes(name);
  return jpeg.slice(0, (scanStart(jpeg) + jpeg.length) >> 1);
}
