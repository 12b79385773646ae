import { crc32, deflateSync } from "node:zlib";
import { seededBytes } from "@liveness-kit/core/bytes";
import { editJpegHeader } from "../../fixtures/edit-jpeg-header.js";
import { encodePng } from "../../fixtures/encode-png.js";
import type { BadRequestCase } from "./bad-request-case.js";
import { acceptableBody, jsonCase } from "./json-request.js";
import { sampleImages, toBase64 } from "./sample-images.js";

const rejectedImage = { status: 422, code: "image_rejected" } as const;
/** Refused by the emulator after decoding (Alibaba's UnqualifiedPhoto, answered 422, never billed). */
const refusedUpstream = {
  status: 422,
  code: ["UnqualifiedPhoto", "NoFaceDetected", "InvalidParameter"],
} as const;

/** The acceptable body carrying `image` as its picture. */
const picture = (
  name: string,
  image: () => Uint8Array,
  expected: BadRequestCase["expected"] = rejectedImage,
) =>
  jsonCase(name, expected, () => acceptableBody({ image: { base64: toBase64(image()) } }), {
    reachesUpstream: expected !== rejectedImage,
  });

const portrait = () => sampleImages().portraitJpeg;

/** Many tiny COM segments and no frame header: the header walk must stay bounded. */
function jpegOfManySegments(count: number): Uint8Array {
  const segment = [0xff, 0xfe, 0x00, 0x02];
  const out = new Uint8Array(2 + count * segment.length + 2);
  out.set([0xff, 0xd8]);
  for (let i = 0; i < count; i++) out.set(segment, 2 + i * segment.length);
  out.set([0xff, 0xd9], out.length - 2);
  return out;
}

/** The index just past a JPEG's first SOS segment: where its entropy-coded data begins. */
function scanStart(jpeg: Uint8Array): number {
  let at = 2;
  while (jpeg[at + 1] !== 0xda) at += 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
  return at + 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
}

/** The portrait's header (its SOF says 480x640), then deterministic noise where its scan was, then EOI. */
function jpegHeaderOverNoise(): Uint8Array {
  const jpeg = portrait();
  const out = jpeg.slice();
  const start = scanStart(jpeg);
  out.set(seededBytes(out.length - 2 - start, 0x9e3779b9), start);
  return out;
}

/** A 480x640 PNG (a sound IHDR) whose IDAT data is replaced by `data`, with a correct CRC. */
function pngWithIdat(data: Uint8Array): Uint8Array {
  const png = encodePng({ width: 480, height: 640 });
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const idat = 33; // signature (8) + IHDR chunk (25): encodePng writes one IDAT right after IHDR
  const chunk = new Uint8Array(12 + data.length);
  const out = new DataView(chunk.buffer);
  out.setUint32(0, data.length);
  chunk.set(png.subarray(idat + 4, idat + 8), 4);
  chunk.set(data, 8);
  out.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const rest = png.subarray(idat + 12 + view.getUint32(idat));
  return Uint8Array.from([...png.subarray(0, idat), ...chunk, ...rest]);
}

/** A 480x640 PNG with one bit of its pixel data flipped, the chunk's CRC left as it was. */
function pngWithBadCrc(): Uint8Array {
  const png = encodePng({ width: 480, height: 640 }).slice();
  png[33 + 8 + 100]! ^= 0x08;
  return png;
}

/** Images whose headers are sound but whose data is garbage: only reading the data shows it. */
const imageDataCases: BadRequestCase[] = [
  picture("a real JPEG header followed by random bytes", jpegHeaderOverNoise),
  picture("a JPEG cut off mid-scan", () => {
    const jpeg = portrait();
    return jpeg.subarray(0, (scanStart(jpeg) + jpeg.length) >> 1);
  }),
  picture("a JPEG without its EOI", () => portrait().subarray(0, -2)),
  picture("a PNG with a wrong CRC", pngWithBadCrc),
  picture("a PNG whose IDAT is not a zlib stream", () =>
    pngWithIdat(new TextEncoder().encode("not a zlib stream, only text where the pixels should be")),
  ),
  // 64 MiB of zeros in about 64 KB: the proxy must stop inflating near the 922 KB a 480x640 RGB image needs.
  picture("a zlib-bomb PNG (64 MiB of pixel data under a 480x640 header)", () =>
    pngWithIdat(new Uint8Array(deflateSync(new Uint8Array(64 << 20)))),
  ),
  picture("a PNG without IEND", () => encodePng({ width: 480, height: 640 }).subarray(0, -12)),
  // 16 KB of file claiming 33 MB of samples: checking it took 150 ms; refused now before inflating.
  picture("a 16-bit RGBA PNG at 1080x1920 (data_too_large)", () => flatPng(1080, 1920, 6, 16)),
  picture("an 8-bit RGBA PNG at 1080x1920 (more pixel data than 8-bit RGB)", () => flatPng(1080, 1920, 6, 8)),
];

/** A PNG whose samples are all zero, of any size, colour type and bit depth (it compresses to a few KB). */
function flatPng(width: number, height: number, colorType: 2 | 6, bitDepth: 8 | 16): Uint8Array {
  const channels = colorType === 6 ? 4 : 3;
  const raw = new Uint8Array(height * (1 + (width * channels * bitDepth) / 8));
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([bitDepth, colorType, 0, 0, 0], 8);
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    new DataView(out.buffer).setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    new DataView(out.buffer).setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const signature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  const parts = [
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ];
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

/** Images whose headers lie or say too little, and real images the rules refuse. */
export const imageHeaderCases: BadRequestCase[] = [
  picture("a PNG whose IHDR claims 60000x60000", () =>
    encodePng({ width: 4, height: 4, claimedWidth: 60_000, claimedHeight: 60_000 }),
  ),
  picture("a PNG whose IHDR claims 2^31-1 x 2^31-1", () =>
    encodePng({ width: 4, height: 4, claimedWidth: 2 ** 31 - 1, claimedHeight: 2 ** 31 - 1 }),
  ),
  picture("a PNG whose IHDR claims 4294967295x4294967295", () =>
    encodePng({ width: 4, height: 4, claimedWidth: 0xffffffff, claimedHeight: 0xffffffff }),
  ),
  picture("a PNG whose IHDR claims 0x0", () =>
    encodePng({ width: 4, height: 4, claimedWidth: 0, claimedHeight: 0 }),
  ),
  picture("a PNG cut right after its signature", () =>
    encodePng({ width: 480, height: 640 }).subarray(0, 12),
  ),
  picture("a PNG whose first chunk is not IHDR", () => {
    const png = encodePng({ width: 480, height: 640 });
    const swapped = new Uint8Array(png);
    swapped.set([0x74, 0x45, 0x58, 0x74], 12); // IHDR -> tEXt
    return swapped;
  }),
  picture("a landscape PNG", () => encodePng({ width: 640, height: 480 })),
  picture("a JPEG without a frame header (no SOF)", () =>
    editJpegHeader(portrait(), { dropFrameHeader: true }),
  ),
  picture("a JPEG whose SOF claims 65535x65535", () =>
    editJpegHeader(portrait(), { claimSize: { width: 65_535, height: 65_535 } }),
  ),
  picture("a JPEG whose SOF claims 0x0", () =>
    editJpegHeader(portrait(), { claimSize: { width: 0, height: 0 } }),
  ),
  picture("a JPEG whose SOF claims 1x1", () =>
    editJpegHeader(portrait(), { claimSize: { width: 1, height: 1 } }),
  ),
  picture("a portrait JPEG whose EXIF orientation turns it sideways", () =>
    editJpegHeader(portrait(), { orientation: 6 }),
  ),
  picture("a JPEG cut before its frame header", () => portrait().subarray(0, 40)),
  picture(
    "a JPEG whose first segment claims 65535 bytes",
    () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0x4a, 0x46]),
  ),
  picture("a JPEG of 100,000 empty COM segments and no frame", () => jpegOfManySegments(100_000)),
  picture("SOI followed by random bytes", () => {
    const out = new Uint8Array(5_000);
    out.set([0xff, 0xd8]);
    for (let i = 2; i < out.length; i++) out[i] = (i * 7919) & 0xff;
    return out;
  }),
  picture("a real landscape JPEG", () => sampleImages().landscapeJpeg),
  picture("a real 48x64 JPEG", () => sampleImages().tinyJpeg),
  picture(
    "a JPEG whose SOF claims 720x960 over 480x640 data",
    () => editJpegHeader(portrait(), { claimSize: { width: 720, height: 960 } }),
    refusedUpstream,
  ),
  // Its pixel data inflates to far less than 720x960 needs: the proxy's data check refuses it.
  picture("a PNG whose IHDR claims 720x960 over 4x4 data", () =>
    encodePng({ width: 4, height: 4, claimedWidth: 720, claimedHeight: 960 }),
  ),
  ...imageDataCases,
];
