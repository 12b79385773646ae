import { IMAGE_LIMITS, readImageInfo, sniffImageFormat } from "@liveness-kit/core";
import { AcsError } from "../gateway/acs-error.js";
import { type MeasurePicture, measurePicture } from "./measure-picture.js";
import { type FaceMeasurements, qualityProblems } from "./quality.js";

/**
 * Applies the image rules of FaceLivenessV2 in the order that costs least first, and measures the picture:
 * - over 1 MB: `ToolargeImage`;
 * - not JPEG/PNG, no readable header, or a resolution outside 640x480..1920x1080 (height x width):
 *   `UnqualifiedPhoto` (checked on the header, before any pixel is decoded);
 * - pixel data that cannot be decoded within bounded memory: `UnqualifiedPhoto`;
 * - nothing with structure in it (blank, uniform): `NoFaceDetected`;
 * - with `FaceQualityCheck=Y`, blurry, badly lit, covered or low-quality: `UnqualifiedPhoto`.
 * A landscape photo is accepted (Alibaba: "landscape orientation may reduce accuracy") with a lower quality score.
 * `measure` decodes and measures (default {@link measurePicture}; the emulator passes its cached, queued one).
 */
export async function assessPicture(
  bytes: Uint8Array,
  options: { faceQualityCheck: boolean; measure?: MeasurePicture },
): Promise<FaceMeasurements> {
  if (bytes.byteLength > IMAGE_LIMITS.maxBytes) {
    throw new AcsError(
      "ToolargeImage",
      `The image is ${bytes.byteLength} bytes; at most ${IMAGE_LIMITS.maxBytes} (1 MB).`,
    );
  }
  if (!sniffImageFormat(bytes)) {
    throw new AcsError("UnqualifiedPhoto", "The picture is not a JPEG or PNG image.");
  }
  const info = readImageInfo(bytes);
  if (!info)
    throw new AcsError("UnqualifiedPhoto", "The picture's header cannot be read (truncated or corrupt).");
  const { width, height } = info;
  const { minWidth, maxWidth, minHeight, maxHeight } = IMAGE_LIMITS;
  if (width < minWidth || width > maxWidth || height < minHeight || height > maxHeight) {
    throw new AcsError(
      "UnqualifiedPhoto",
      `The picture is ${width}x${height} (width x height); the resolution must be between ${minHeight}x${minWidth} and ${maxHeight}x${maxWidth} (height x width).`,
    );
  }
  const measurements = await (options.measure ?? measurePicture)(bytes, info);
  if (!measurements) throw new AcsError("UnqualifiedPhoto", "The picture's data cannot be decoded.");
  if (measurements.featureless) throw new AcsError("NoFaceDetected", "No face was detected in the picture.");
  if (options.faceQualityCheck) {
    const problems = qualityProblems(measurements);
    if (problems.length > 0) {
      throw new AcsError(
        "UnqualifiedPhoto",
        `The picture failed the face quality check: ${problems.join("; ")}.`,
      );
    }
  }
  return measurements;
}
