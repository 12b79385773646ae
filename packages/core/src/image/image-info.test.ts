import { expect, test } from "vitest";
import { toImageInfo } from "./image-info.js";

test("toImageInfo keeps width and height for orientations 1-4 and swaps them for 5-8", () => {
  for (let orientation = 1 as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8; orientation <= 8; orientation++) {
    const info = toImageInfo("jpeg", 960, 720, orientation, false, 8);
    expect([info.width, info.height, info.storedWidth, info.storedHeight]).toEqual(
      orientation > 4 ? [720, 960, 960, 720] : [960, 720, 960, 720],
    );
  }
});
