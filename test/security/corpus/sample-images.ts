import { portraitJpeg } from "@liveness-kit/emulator/portraits";
import { encodePng } from "../../fixtures/encode-png.js";

/** The generated images the security suites send, made once per process (the secret scan makes them too). */
export interface SampleImages {
  /** A JPEG portrait that passes every check: the base of the requests that must succeed but for one flaw. */
  portraitJpeg: Uint8Array;
  /** The same as PNG. */
  portraitPng: Uint8Array;
  landscapeJpeg: Uint8Array;
  tinyJpeg: Uint8Array;
}

let images: SampleImages | undefined;

/** The sample images (deterministic: the same bytes in every run and every process). */
export function sampleImages(): SampleImages {
  images ??= {
    portraitJpeg: portraitJpeg({ width: 480, height: 640, quality: 70, seed: 11 }),
    portraitPng: encodePng({ width: 480, height: 640, seed: 5 }),
    landscapeJpeg: portraitJpeg({ width: 800, height: 600, quality: 70, seed: 12 }),
    tinyJpeg: portraitJpeg({ width: 48, height: 64, quality: 70, seed: 13 }),
  };
  return images;
}

/** Standard base64, as a JSON body carries it. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}
