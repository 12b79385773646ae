import { describe, expect, test } from "vitest";
import type { ExifOrientation } from "./image-info.js";
import { readImageInfo } from "./read-image-info.js";
import { makeJpeg } from "./test-support/make-jpeg.js";
import { verifyImageData } from "./verify-image-data.js";
import { withExifOrientation } from "./with-exif-orientation.js";

describe("withExifOrientation", () => {
  const jpeg = makeJpeg({ width: 40, height: 24 });

  test("writes every orientation so that readImageInfo reads it back, sizes turned for 5-8", () => {
    for (let value = 1; value <= 8; value++) {
      const orientation = value as ExifOrientation;
      const turned = orientation > 4;
      expect(readImageInfo(withExifOrientation(jpeg, orientation))).toMatchObject({
        format: "jpeg",
        orientation,
        width: turned ? 24 : 40,
        height: turned ? 40 : 24,
      });
    }
  });

  test("keeps the file sound: the original bytes follow the new segment unchanged", async () => {
    const tagged = withExifOrientation(jpeg, 6);
    expect((await verifyImageData(tagged)).ok).toBe(true);
    expect(tagged.subarray(0, 2)).toEqual(jpeg.subarray(0, 2));
    const segmentLength = 4 + ((tagged[4]! << 8) | tagged[5]!) - 2;
    expect(tagged.subarray(segmentLength + 2)).toEqual(jpeg.subarray(2));
    expect(tagged.length).toBe(jpeg.length + segmentLength);
  });
});
