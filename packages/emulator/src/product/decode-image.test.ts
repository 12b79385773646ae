import { readImageInfo } from "@liveness-kit/core";
import { withExifOrientation } from "@liveness-kit/core/image";
import { describe, expect, it } from "vitest";
import { portraitJpeg, portraitPng } from "../portraits/synthetic-portrait.js";
import { adam7Raw, buildPng } from "../test-support/png-bytes.js";
import { decodeImage } from "./decode-image.js";

async function decode(bytes: Uint8Array) {
  const info = readImageInfo(bytes);
  if (!info) throw new Error("no header");
  return decodeImage(bytes, info);
}

describe("decodeImage", () => {
  it("decodes a JPEG portrait to its luminance", async () => {
    const plane = await decode(portraitJpeg({ width: 480, height: 640 }));
    expect(plane?.width).toBe(480);
    expect(plane?.height).toBe(640);
    expect(plane?.data.length).toBe(480 * 640);
  });

  it("decodes a PNG portrait and an interlaced PNG", async () => {
    const plane = await decode(portraitPng({ width: 480, height: 640 }));
    expect(plane?.height).toBe(640);
    const interlaced = await decode(
      buildPng({ width: 9, height: 7, interlace: true, raw: adam7Raw(9, 7, (x) => x * 20) }),
    );
    expect(Array.from(interlaced?.data.subarray(0, 9) ?? [])).toEqual([
      0, 20, 40, 60, 80, 100, 120, 140, 160,
    ]);
  });

  it("turns the plane by the EXIF orientation", async () => {
    const plane = await decode(withExifOrientation(portraitJpeg({ width: 640, height: 480 }), 6));
    expect(plane?.width).toBe(480);
    expect(plane?.height).toBe(640);
  });

  it("gives undefined for undecodable data behind a valid header", async () => {
    const jpeg = portraitJpeg({ width: 480, height: 640 }).slice();
    jpeg.fill(0xff, 700, 4000);
    expect(await decode(jpeg)).toBeUndefined();
  });

  it("gives undefined for a PNG bomb instead of inflating it", async () => {
    const bomb = buildPng({
      width: 480,
      height: 640,
      interlace: true,
      raw: new Uint8Array(32 * 1024 * 1024),
    });
    expect(await decode(bomb)).toBeUndefined();
  });

  it("gives undefined when the header and the data disagree", async () => {
    const png = buildPng({ width: 4, height: 2, raw: new Uint8Array(2 * 13) });
    const info = readImageInfo(png);
    if (!info) throw new Error("no header");
    expect(await decodeImage(png, { ...info, storedWidth: 5 })).toBeUndefined();
  });
});
