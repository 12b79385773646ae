/**
 * The image rules of FaceLivenessV2 (product page, "Face image format requirements").
 * Resolution is given there as height x width: 640x480 at least, 1920x1080 at most, and portrait
 * (height > width). Base64 inflates by a third, so in base64 mode the source image should stay under 0.6 MiB.
 */
export const IMAGE_LIMITS = {
  formats: ["jpeg", "png"],
  maxBytes: 1_048_576,
  maxBase64SourceBytes: 629_146,
  minWidth: 480,
  maxWidth: 1080,
  minHeight: 640,
  maxHeight: 1920,
  targetShorterSide: 720,
  minQuality: 0.9,
} as const;
