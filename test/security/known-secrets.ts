import { portraitJpeg } from "@liveness-kit/emulator/portraits";
import { STACK } from "../support/stack-urls.js";
import { RAW_USER_IDS } from "./corpus/raw-user-ids.js";
import { sampleImages } from "./corpus/sample-images.js";
import { devVar } from "./dev-vars.js";
import type { Secret } from "./secret-scanner.js";

/** Bytes of an image whose base64 is looked for: 48 bytes give 64 base64 characters. */
const WINDOW = 48;

/**
 * Base64 slices of an image's middle (far from the headers that every JPEG or PNG shares): one per byte
 * alignment, so that any base64 of the image, or of a part holding that middle, contains one of them.
 */
function imageSlices(label: string, image: Uint8Array): Secret[] {
  return [0, 1, 2].flatMap((shift) =>
    [0.5, 0.8].map((at) => {
      const start = Math.floor(image.byteLength * at) + shift;
      return {
        label: `${label}: base64 of bytes ${start}-${start + WINDOW}`,
        value: Buffer.from(image.subarray(start, start + WINDOW)).toString("base64"),
      };
    }),
  );
}

/**
 * Everything the suites must never find in an answer or a log line: the AccessKey pair, the token
 * secret and the receipt signing key of the proxy's local config, the caller key, the raw user ids the corpus sends, and slices of
 * every image the suites send (the security samples, and the portraits of the end-to-end suite).
 */
export function knownSecrets(): Secret[] {
  const images = sampleImages();
  return [
    { label: "the AccessKey secret", value: devVar("ALIBABA_CLOUD_ACCESS_KEY_SECRET") },
    { label: "the AccessKey id", value: devVar("ALIBABA_CLOUD_ACCESS_KEY_ID") },
    { label: "the caller token secret", value: devVar("CALLER_TOKEN_SECRET") },
    { label: "the receipt signing key (its private d)", value: JSON.parse(devVar("RECEIPT_SIGNING_KEY")).d },
    { label: "the caller key", value: STACK.callerKey },
    { label: "the server caller key", value: STACK.serverKey },
    ...Object.entries(RAW_USER_IDS).map(([kind, value]) => ({ label: `a raw user id (${kind})`, value })),
    ...imageSlices("the sample portrait JPEG", images.portraitJpeg),
    ...imageSlices("the sample portrait PNG", images.portraitPng),
    ...imageSlices("the sample landscape JPEG", images.landscapeJpeg),
    ...imageSlices("the sample tiny JPEG", images.tinyJpeg),
    ...imageSlices("the end-to-end portrait", portraitJpeg()),
    ...imageSlices("the end-to-end attack portrait", portraitJpeg({ seed: 7 })),
  ];
}
