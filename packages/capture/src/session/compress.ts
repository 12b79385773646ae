import imageCompression from "browser-image-compression";

/**
 * Re-encodes the 720x960 crop in a web worker with browser-image-compression, under the API's base64 limit
 * (0.6 MB) and at quality 0.92 (the API asks for more than 0.9). `libUrl` is the library's own script on the
 * app's origin: without it the library would fetch itself from a public CDN for its worker.
 */
export async function compressPortrait(photo: Blob, libUrl: string): Promise<Uint8Array> {
  const file = new File([photo], "selfie.jpg", { type: "image/jpeg" });
  const compressed = await imageCompression(file, {
    maxSizeMB: 0.55,
    maxWidthOrHeight: 960,
    initialQuality: 0.92,
    fileType: "image/jpeg",
    useWebWorker: true,
    libURL: libUrl,
    preserveExif: false,
  });
  return new Uint8Array(await compressed.arrayBuffer());
}

/** The library's script beside this package (the build copies it), served by the app's bundler. */
export const DEFAULT_COMPRESSION_LIB_URL = (): string =>
  new URL("./assets/browser-image-compression.js", import.meta.url).href;
