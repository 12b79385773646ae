import { readImageInfo } from "@liveness-kit/core";
import { describe, expect, it } from "vitest";
import { portraitJpeg } from "../portraits/synthetic-portrait.js";
import { decodeImage } from "./decode-image.js";
import { measurePicture } from "./measure-picture.js";
import { measureFace } from "./quality.js";

describe("measurePicture", () => {
  it("decodes and measures: the scores of measureFace on the decoded plane", async () => {
    const bytes = portraitJpeg({ width: 480, height: 640 });
    const info = readImageInfo(bytes);
    if (!info) throw new Error("test picture without a header");
    const plane = await decodeImage(bytes, info);
    if (!plane) throw new Error("test picture not decodable");
    const measured = await measurePicture(bytes, info);
    expect(measured).toEqual(measureFace(plane));
    expect(measured?.faceQualityScore).toBeGreaterThan(80);
  });

  it("resolves undefined when the pixel data cannot be decoded", async () => {
    const broken = portraitJpeg({ width: 480, height: 640 }).slice();
    broken.fill(0xff, 700, 4000);
    const info = readImageInfo(broken);
    if (!info) throw new Error("the header should still read");
    expect(await measurePicture(broken, info)).toBeUndefined();
  });
});
