import { dataFault, type ImageDataFault, isDataFault } from "./image-data-problem.js";
import { type JpegFrame, readJpegFrame } from "./read-jpeg-frame.js";
import { readJpegScanHeader } from "./read-jpeg-scan-header.js";
import { readHuffmanTables, readQuantizationTables } from "./read-jpeg-tables.js";
import { readUint16 } from "./read-uint.js";
import { skipEntropyCodedData } from "./skip-entropy-coded-data.js";

// Marker codes (ITU T.81, table B.1).
const SOF0 = 0xc0;
const SOF2 = 0xc2;
const DHT = 0xc4;
const DAC = 0xcc;
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const DQT = 0xdb;
const DNL = 0xdc;
const DRI = 0xdd;
const COM = 0xfe;
/** What `nextMarker` returns, in strict mode, for bytes that are no marker. */
const STRAY = -2;

/** The frame kinds decoders refuse, by SOF code: everything but baseline, extended and progressive Huffman. */
const REFUSED_FRAMES: Readonly<Record<number, string>> = {
  195: "lossless coding",
  197: "hierarchical coding",
  198: "hierarchical coding",
  199: "hierarchical coding",
  200: "a reserved frame type",
  201: "arithmetic coding",
  202: "arithmetic coding",
  203: "arithmetic coding",
  205: "hierarchical arithmetic coding",
  206: "hierarchical arithmetic coding",
  207: "hierarchical arithmetic coding",
  222: "hierarchical coding",
  223: "hierarchical coding",
};

/**
 * Walks a whole JPEG without decoding it: SOI; marker segments whose lengths fit the file; one frame header
 * (SOF0 baseline, SOF1 extended or SOF2 progressive, 8-bit); quantisation and Huffman tables well-formed and
 * defined before the scans that use them; each scan's entropy-coded data, where 0xFF may only be followed by
 * 0x00, RST0-7 or fill 0xFF; between scans only tables, restart intervals, DNL, comments, APPn or another scan;
 * then EOI. Bytes after EOI are tolerated (cameras append data there); a file without EOI is truncated.
 * Before the first scan, stray bytes between segments are skipped, as libjpeg does; once the image data has
 * begun, they, or any marker that cannot follow a scan, are garbage (`corrupt_data`). Returns the first fault, or
 * for a sound file where it ends (the byte after EOI). Linear in the file's size, allocation-free, never throws.
 */
export function walkJpegStructure(bytes: Uint8Array): ImageDataFault | number {
  const n = bytes.length;
  if (bytes[0] !== 0xff || bytes[1] !== SOI) return dataFault("unknown_format", "The file is not a JPEG.");
  let frame: JpegFrame | undefined;
  let quantization = 0;
  let huffman = 0;
  let scans = 0;
  // After a scan, the marker that ended it; -1 while reading segments.
  let afterScan = -1;
  let i = 2;
  for (;;) {
    const code = afterScan >= 0 ? afterScan : nextMarker(bytes, i, scans > 0);
    if (code === STRAY) return garbageAfterScan(i);
    if (code < 0) return cutShort(n, scans);
    const marker = bytes[code]!;
    const at = code - 1;
    afterScan = -1;
    if (marker === EOI) {
      return scans
        ? code + 1
        : dataFault("corrupt_structure", `The JPEG ends (EOI at byte ${at}) before any image data.`);
    }
    const alone = (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01;
    const kind = alone ? "alone" : segmentKind(marker, scans > 0);
    // Once the image data has begun, only a segment or EOI may follow a scan: anything else is garbage.
    if (scans && (alone || kind === "invalid")) return garbageAfterScan(at);
    // RST0-7 and TEM stand alone; before the image data libjpeg ignores them, and so does this walk.
    if (alone) {
      i = code + 1;
      continue;
    }
    if (kind === "invalid")
      return dataFault("corrupt_structure", `The JPEG has an invalid marker at byte ${at}.`);
    if (kind !== "segment")
      return dataFault(
        "unsupported_encoding",
        `The JPEG uses ${kind} (byte ${at}); decoders expect a baseline or progressive JPEG.`,
      );
    if (code + 3 > n) return cutShort(n, scans);
    const length = readUint16(bytes, code + 1);
    const start = code + 3;
    const end = code + 1 + length;
    if (length < 2) return dataFault("corrupt_structure", `The JPEG's segment at byte ${at} has no length.`);
    if (end > n) return cutShort(n, scans);
    let result: number | ImageDataFault | JpegFrame | undefined = 0;
    switch (marker) {
      case SOF0:
      case SOF0 + 1:
      case SOF2:
        if (frame) return dataFault("corrupt_structure", `The JPEG has a second frame header at byte ${at}.`);
        result = readJpegFrame(bytes, start, end, marker === SOF2);
        if (!isDataFault(result)) frame = result;
        break;
      case DQT:
        result = readQuantizationTables(bytes, start, end, quantization);
        if (typeof result === "number") quantization = result;
        break;
      case DHT:
        result = readHuffmanTables(bytes, start, end, huffman);
        if (typeof result === "number") huffman = result;
        break;
      case DRI:
      case DNL:
        if (length !== 4)
          return dataFault("corrupt_structure", `The JPEG's segment at byte ${at} is malformed.`);
        break;
      case SOS:
        if (!frame) {
          return dataFault(
            "corrupt_structure",
            `The JPEG's scan at byte ${at} comes before its frame header.`,
          );
        }
        result = readJpegScanHeader(bytes, start, end, frame, quantization, huffman);
        if (result === undefined) {
          scans++;
          afterScan = skipEntropyCodedData(bytes, end);
          if (afterScan < 0) return cutShort(n, scans);
        }
        break;
    }
    if (isDataFault(result)) return result;
    i = end;
  }
}

/** "segment", "invalid" where no marker may stand, or the name of a frame kind decoders refuse. */
function segmentKind(marker: number, afterFirstScan: boolean): string {
  const refused = REFUSED_FRAMES[marker];
  if (refused) return afterFirstScan ? "invalid" : refused;
  // SOF0-SOF2 only before the first scan; a SOI never again.
  if (marker >= SOF0 && marker <= SOF2) return afterFirstScan ? "invalid" : "segment";
  const segment =
    marker === DHT ||
    marker === DAC ||
    (marker >= SOS && marker <= DRI) ||
    (marker >= 0xe0 && marker <= 0xef) ||
    marker === COM;
  return segment ? "segment" : "invalid";
}

/**
 * The index of the next marker's code byte from `i`: a 0xFF, any fill 0xFFs, then a code other than 0x00.
 * Stray bytes (and 0xFF 0x00) before it are skipped, as libjpeg skips them with a warning, unless `strict`:
 * then `STRAY` when `i` is not a 0xFF. -1 at the end of the file.
 */
function nextMarker(bytes: Uint8Array, i: number, strict: boolean): number {
  for (;;) {
    const ff = bytes.indexOf(0xff, i);
    if (strict && ff !== i) return i < bytes.length ? STRAY : -1;
    if (ff < 0) return -1;
    let code = ff + 1;
    while (bytes[code] === 0xff) code++;
    if (code >= bytes.length) return -1;
    if (bytes[code] !== 0) return code;
    if (strict) return STRAY;
    i = code + 1;
  }
}

function garbageAfterScan(at: number): ImageDataFault {
  return dataFault(
    "corrupt_data",
    `The JPEG's compressed image data holds bytes that cannot occur there (byte ${at}).`,
  );
}

function cutShort(n: number, scans: number): ImageDataFault {
  return dataFault(
    "truncated",
    scans
      ? `The JPEG ends at byte ${n} inside its image data, without its end marker (EOI).`
      : `The JPEG ends at byte ${n} before its image data.`,
  );
}
