// Builds JPEG files for the tests, byte by byte, so no binary fixture is committed. With the defaults the file
// is a real, decodable 8-bit grayscale JPEG of a flat grey: every 8x8 block has a DC difference of 0 and, in a
// baseline file, an immediate end-of-block, each coded with a one-bit Huffman code.

/** How to build the JPEG; only `width` and `height` are required. */
export interface JpegOptions {
  readonly width: number;
  readonly height: number;
  /** Writes an EXIF APP1 segment with this orientation (any 16-bit value, to test invalid ones too). */
  readonly orientation?: number;
  /** The TIFF byte order of the EXIF segment: "II" little-endian (default) or "MM" big-endian. */
  readonly byteOrder?: "II" | "MM";
  /** The frame marker: 0xc0 baseline (default), 0xc2 progressive, or any other SOFn. */
  readonly sof?: number;
  /** Leaves the frame header out: the scan follows the tables directly. */
  readonly omitSof?: boolean;
  /** Sample precision written in the frame header (default 8). */
  readonly precision?: number;
  /** Writes the JFIF APP0 segment (default true). */
  readonly jfif?: boolean;
  /** Extra segments [marker, payload] written before the frame header. */
  readonly segments?: readonly (readonly [number, Uint8Array])[];
  /** Pads the scan with zero bytes so the whole file has exactly this many bytes. */
  readonly size?: number;
}

/** A JPEG file: SOI, JFIF APP0, optional EXIF APP1, DQT, SOF, DHT, SOS, entropy-coded data, EOI. */
export function makeJpeg(options: JpegOptions): Uint8Array {
  const { width, height, sof = 0xc0, precision = 8 } = options;
  const parts: number[][] = [[0xff, 0xd8]];
  if (options.jfif !== false) {
    parts.push(segment(0xe0, [...ascii("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  }
  if (options.orientation !== undefined) {
    parts.push(segment(0xe1, [...exifPayload(options.orientation, options.byteOrder ?? "II")]));
  }
  for (const [marker, payload] of options.segments ?? []) parts.push(segment(marker, [...payload]));
  // Quantisation table 0: all ones.
  parts.push(segment(0xdb, [0, ...new Array<number>(64).fill(1)]));
  if (!options.omitSof) {
    parts.push(segment(sof, [precision, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0]));
  }
  // Huffman tables: DC class 0 and AC class 1, each one code of length 1 for symbol 0 (DC diff 0, AC EOB).
  const oneCode = [1, ...new Array<number>(15).fill(0), 0];
  parts.push(segment(0xc4, [0x00, ...oneCode, 0x10, ...oneCode]));
  const progressive = (sof & 3) === 2;
  // A progressive file carries the DC scan only (spectral selection 0..0): a DC-only picture is still valid.
  parts.push(segment(0xda, [1, 1, 0x00, 0, progressive ? 0 : 63, 0]));
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * (progressive ? 1 : 2);
  const scan = new Array<number>(Math.ceil(bits / 8)).fill(0);
  // Fill the last byte's unused bits with ones, as the standard asks.
  if (bits % 8) scan[scan.length - 1] = 0xff >> (bits % 8);
  parts.push(scan);
  const used = parts.reduce((sum, part) => sum + part.length, 2);
  if (options.size !== undefined) parts.push(new Array<number>(Math.max(0, options.size - used)).fill(0));
  parts.push([0xff, 0xd9]);
  return Uint8Array.from(parts.flat());
}

/** The payload of an EXIF APP1 segment: "Exif\0\0", a TIFF header and an IFD0 with Make and Orientation. */
export function exifPayload(orientation: number, byteOrder: "II" | "MM"): Uint8Array {
  const little = byteOrder === "II";
  const u16 = (v: number) => (little ? [v & 255, v >> 8] : [v >> 8, v & 255]);
  const u32 = (v: number) =>
    little ? [...u16(v & 0xffff), ...u16(v >>> 16)] : [...u16(v >>> 16), ...u16(v & 0xffff)];
  const tiff = [
    ...ascii(byteOrder),
    ...u16(42),
    ...u32(8), // IFD0 right after the header
    ...u16(2), // two entries, in tag order
    ...[...u16(0x010f), ...u16(2), ...u32(4), ...ascii("Cam\0")], // Make, ASCII, inline
    ...[...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0], // Orientation, SHORT
    ...u32(0), // no next IFD
  ];
  return Uint8Array.from([...ascii("Exif\0\0"), ...tiff]);
}

/** The codes of an ASCII string. */
export function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 255, ...payload];
}
