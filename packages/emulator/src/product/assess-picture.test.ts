import { describe, expect, it } from "vitest";
import { AcsError } from "../gateway/acs-error.js";
import { portraitJpeg, portraitPng } from "../portraits/synthetic-portrait.js";
import { assessPicture } from "./assess-picture.js";

async function refusal(bytes: Uint8Array, faceQualityCheck = false): Promise<AcsError> {
  try {
    await assessPicture(bytes, { faceQualityCheck });
  } catch (error) {
    if (error instanceof AcsError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("assessPicture", () => {
  it("measures an acceptable JPEG and PNG portrait", async () => {
    const jpeg = await assessPicture(portraitJpeg(), { faceQualityCheck: true });
    expect(jpeg.faceQualityScore).toBeGreaterThan(80);
    const png = await assessPicture(portraitPng({ width: 480, height: 640 }), { faceQualityCheck: true });
    expect(png.sharpnessScore).toBeGreaterThan(80);
  });

  it("answers ToolargeImage over 1 MB", async () => {
    const error = await refusal(new Uint8Array(1_048_577));
    expect(error.code).toBe("ToolargeImage");
    expect(error.status).toBe(401);
  });

  it("answers UnqualifiedPhoto for what is not a JPEG or PNG, or has no readable header", async () => {
    expect((await refusal(new TextEncoder().encode("GIF89a....."))).message).toContain("not a JPEG or PNG");
    expect((await refusal(portraitJpeg().slice(0, 20))).message).toContain("header");
  });

  it.each([
    [320, 240, "tiny"],
    [1280, 720, "too wide"],
    [1080, 2000, "too tall"],
  ])("answers UnqualifiedPhoto for %ix%i (%s)", async (width, height) => {
    const error = await refusal(portraitJpeg({ width, height, quality: 60 }));
    expect(error.code).toBe("UnqualifiedPhoto");
    expect(error.message).toContain(`${width}x${height}`);
  });

  it("answers UnqualifiedPhoto for undecodable data behind a valid header", async () => {
    const broken = portraitJpeg({ width: 480, height: 640 }).slice();
    broken.fill(0xff, 700, 4000);
    expect((await refusal(broken)).message).toContain("cannot be decoded");
  });

  it("answers NoFaceDetected for a blank image", async () => {
    const error = await refusal(portraitJpeg({ width: 480, height: 640, uniform: true }));
    expect(error.code).toBe("NoFaceDetected");
  });

  it("lets a blurry or dark photo through, but refuses it with FaceQualityCheck=Y", async () => {
    for (const options of [{ blur: 4 }, { brightness: 0.12 }, { occlude: true }]) {
      const photo = portraitJpeg({ width: 480, height: 640, ...options });
      await expect(assessPicture(photo, { faceQualityCheck: false })).resolves.toBeDefined();
      const error = await refusal(photo, true);
      expect(error.code).toBe("UnqualifiedPhoto");
      expect(error.message).toContain("face quality check");
    }
  });

  it("accepts a landscape photo within the limits, with a lower quality score", async () => {
    const portrait = await assessPicture(portraitJpeg(), { faceQualityCheck: false });
    const landscape = await assessPicture(portraitJpeg({ width: 960, height: 720 }), {
      faceQualityCheck: false,
    });
    expect(landscape.faceQualityScore).toBeLessThan(portrait.faceQualityScore);
  });
});
