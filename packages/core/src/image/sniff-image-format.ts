/** The image formats FaceLivenessV2 accepts. */
export type ImageFormat = "jpeg" | "png";

// The magic bytes: JPEG's SOI marker plus the next marker's 0xFF, and PNG's 8-byte signature.
const SIGNATURES = [
  ["jpeg", [0xff, 0xd8, 0xff]],
  ["png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
] as const;

/**
 * Like `sniffImageFormat`, and also tells a file cut inside its signature ("truncated") from one that is no
 * image at all (`undefined`).
 */
export function matchImageSignature(bytes: Uint8Array): ImageFormat | "truncated" | undefined {
  for (const [format, signature] of SIGNATURES) {
    const k = signature.findIndex((byte, i) => byte !== bytes[i]);
    if (k < 0) return format;
    if (k && k === bytes.length) return "truncated";
  }
  return undefined;
}

/** The format the bytes' magic number announces (JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`), or `undefined`. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  const match = matchImageSignature(bytes);
  return match === "truncated" ? undefined : match;
}
