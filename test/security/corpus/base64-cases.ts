import type { BadRequestCase } from "./bad-request-case.js";
import { acceptableBody, jsonCase } from "./json-request.js";
import { sampleImages, toBase64 } from "./sample-images.js";

const invalidBase64 = { status: 400, code: "invalid_base64" } as const;
const rejectedImage = { status: 422, code: "image_rejected" } as const;

/** The acceptable body with `image.base64` set to what `base64` makes of the portrait's base64. */
const withBase64 = (
  name: string,
  expected: BadRequestCase["expected"],
  base64: (portrait: string) => string,
) =>
  jsonCase(name, expected, () =>
    acceptableBody({ image: { base64: base64(toBase64(sampleImages().portraitJpeg)) } }),
  );

/** The acceptable body carrying `bytes` (which are not a usable image) as its picture. */
const nonImage = (name: string, bytes: () => Uint8Array | string) =>
  jsonCase(`base64 of ${name}`, rejectedImage, () => {
    const value = bytes();
    return acceptableBody({ image: { base64: Buffer.from(value).toString("base64") } });
  });

const randomBytes = (count: number, seed: number) => {
  const out = new Uint8Array(count);
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
};

/** Base64 that is not standard base64, and standard base64 of things that are not a JPEG or PNG. */
export const base64Cases: BadRequestCase[] = [
  withBase64("a data: URL", invalidBase64, (b64) => `data:image/jpeg;base64,${b64}`),
  withBase64("MIME line breaks every 76 characters", invalidBase64, (b64) => b64.replace(/.{76}/g, "$&\r\n")),
  withBase64("LF line breaks", invalidBase64, (b64) => b64.replace(/.{64}/g, "$&\n")),
  withBase64("spaces inside", invalidBase64, (b64) => b64.replace(/.{100}/g, "$& ")),
  withBase64("a leading space", invalidBase64, (b64) => ` ${b64}`),
  withBase64("a trailing line break", invalidBase64, (b64) => `${b64}\n`),
  withBase64("the URL-safe alphabet", invalidBase64, (b64) => b64.replaceAll("+", "-").replaceAll("/", "_")),
  withBase64("padding in the middle", invalidBase64, (b64) => `${b64.slice(0, 400)}=${b64.slice(400)}`),
  withBase64("a length of 1 mod 4", invalidBase64, (b64) => {
    const bare = b64.replace(/=+$/, "");
    return `${bare.slice(0, bare.length - (bare.length % 4))}A`;
  }),
  withBase64("percent-encoded characters", invalidBase64, (b64) =>
    encodeURIComponent(b64).replace(/^/, "%2F"),
  ),
  withBase64("a NUL at the end", invalidBase64, (b64) => `${b64}\u0000`),
  withBase64(
    "non-ASCII letters",
    invalidBase64,
    (b64) => `${b64.slice(0, 100)}\u00ff\u00d8${b64.slice(102)}`,
  ),
  jsonCase("only padding", invalidBase64, () => acceptableBody({ image: { base64: "====" } })),
  jsonCase("too much padding", invalidBase64, () => acceptableBody({ image: { base64: "AA===" } })),
  jsonCase("punctuation", invalidBase64, () => acceptableBody({ image: { base64: "!!!!" } })),
  jsonCase("hex instead of base64 (valid letters, garbage bytes)", rejectedImage, () => {
    const hex = Buffer.from(sampleImages().tinyJpeg).toString("hex");
    return acceptableBody({ image: { base64: hex.slice(0, hex.length - (hex.length % 4)) } });
  }),
  nonImage("plain text", () => "hello, I am not a face"),
  nonImage("a single zero byte", () => new Uint8Array(1)),
  nonImage("4 KB of zeros", () => new Uint8Array(4_096)),
  nonImage("a GIF", () =>
    Buffer.concat([Buffer.from("GIF89a"), Buffer.from([0xd0, 0x02, 0xc0, 0x03, 0, 0, 0]), Buffer.alloc(200)]),
  ),
  nonImage("a BMP", () => Buffer.concat([Buffer.from("BM"), Buffer.alloc(52)])),
  nonImage("a WebP", () => Buffer.concat([Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 "), Buffer.alloc(40)])),
  nonImage("a TIFF", () => Buffer.concat([Buffer.from("II*\u0000"), Buffer.alloc(60)])),
  nonImage("a HEIC header", () =>
    Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypheic"), Buffer.alloc(60)]),
  ),
  nonImage("a PDF", () => "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"),
  nonImage(
    "an SVG",
    () => '<svg xmlns="http://www.w3.org/2000/svg" width="720" height="960"><script>alert(1)</script></svg>',
  ),
  nonImage("an HTML page", () => "<!doctype html><title>x</title><img src=x onerror=alert(1)>"),
  nonImage("a ZIP header", () => Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(60)])),
  nonImage("an ELF header", () => Buffer.concat([Buffer.from("\u007fELF"), Buffer.alloc(60)])),
  nonImage("a JPEG start-of-image marker alone", () => new Uint8Array([0xff, 0xd8, 0xff])),
  nonImage("a PNG signature alone", () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  nonImage("2 KB of random bytes", () => randomBytes(2_048, 7)),
  nonImage("the JSON of a request", () =>
    JSON.stringify({ merchantUserId: "x", image: { url: "https://a.example/b" } }),
  ),
];
