// Draws the test images in Node with the emulator's portrait generator (the repository's one), so no binary
// image is committed and the emulator measures every portrait as sharp and well lit.
import { portraitJpeg } from "@liveness-kit/emulator/portraits";
import type { PortraitSet } from "../portrait-set.js";

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** Draws every fixture; the large one is re-drawn with more grain until it lands between 0.6 and 1 MiB. */
export function makePortraitFixtures(): PortraitSet {
  const minLarge = 660_000;
  const maxLarge = 1_000_000;
  let large: Uint8Array | undefined;
  for (let grain = 60; grain <= 400 && large === undefined; grain += 20) {
    const candidate = portraitJpeg({ width: 720, height: 960, grain, seed: 7, quality: 95 });
    if (candidate.byteLength >= minLarge && candidate.byteLength <= maxLarge) large = candidate;
    if (candidate.byteLength > maxLarge) break;
  }
  if (large === undefined) throw new Error("could not draw a portrait between 0.6 and 1 MiB");
  return {
    portrait: base64(portraitJpeg({ width: 480, height: 640, grain: 24, seed: 1 })),
    otherPortrait: base64(portraitJpeg({ width: 480, height: 640, grain: 24, seed: 2 })),
    largePortrait: base64(large),
    landscape: base64(portraitJpeg({ width: 640, height: 480, grain: 24, seed: 3 })),
    blank: base64(portraitJpeg({ width: 480, height: 640, uniform: true })),
  };
}
