import { expect, test } from "vitest";
import { makeMultiScanJpeg } from "./make-multi-scan-jpeg.js";

/** The marker codes of a JPEG's segments, in order, stepping over entropy-coded data (the generator stuffs no 0xFF). */
function markers(jpeg: Uint8Array): number[] {
  const found: number[] = [];
  for (let i = 2; i < jpeg.length - 1; i++) {
    if (jpeg[i] !== 0xff) continue;
    const code = jpeg[i + 1]!;
    found.push(code);
    if (code !== 0xd9 && (code < 0xd0 || code > 0xd7)) i += 1 + ((jpeg[i + 2]! << 8) | jpeg[i + 3]!);
    else i++;
  }
  return found;
}

// Chromium decodes these files in the chromium project (verify-image-data.test.ts): here, their layout.
test("baseline: tables, one frame, one interleaved scan, EOI", () => {
  expect(markers(makeMultiScanJpeg({ width: 16, height: 16 }))).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xda, 0xd9]);
});

test("progressive: a DC scan, the AC table between scans, one AC scan per component, a DC refinement", () => {
  expect(markers(makeMultiScanJpeg({ width: 16, height: 16, progressive: true }))).toEqual([
    0xe0, 0xdb, 0xc2, 0xc4, 0xda, 0xc4, 0xda, 0xda, 0xda, 0xda, 0xd9,
  ]);
});

test("a restart interval: DRI, then RST0, RST1, ... between intervals of every scan", () => {
  // 4 blocks of one component, an interval of 1 MCU: RST0, RST1, RST2 in the scan.
  const codes = markers(makeMultiScanJpeg({ width: 16, height: 16, components: 1, restartInterval: 1 }));
  expect(codes).toEqual([0xe0, 0xdb, 0xc0, 0xdd, 0xc4, 0xda, 0xd0, 0xd1, 0xd2, 0xd9]);
});
