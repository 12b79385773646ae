import { dataFault, type ImageDataFault } from "./image-data-problem.js";
import { readUint16 } from "./read-uint.js";

/** What a JPEG's frame header (SOF) says that the scans must agree with. */
export interface JpegFrame {
  /** SOF2: scans refine the picture (spectral selection, successive approximation). */
  readonly progressive: boolean;
  /** Component ids, in frame order. */
  readonly ids: readonly number[];
  /** The quantisation table (0-3) of each component, in the same order. */
  readonly quantizationTables: readonly number[];
}

/**
 * Reads the payload `bytes[start..end)` of an SOF0, SOF1 or SOF2 segment (T.81, B.2.2): 8-bit precision,
 * a size, then 1 to 4 components with sampling factors 1-4 and a quantisation table 0-3 each.
 * A precision other than 8 is `unsupported_encoding` (12-bit JPEGs are rare and most decoders refuse them).
 */
export function readJpegFrame(
  bytes: Uint8Array,
  start: number,
  end: number,
  progressive: boolean,
): JpegFrame | ImageDataFault {
  const at = start - 4;
  const count = bytes[start + 5]!;
  if (end - start < 6 || end - start !== 6 + 3 * count || count < 1 || count > 4) {
    return dataFault("corrupt_structure", `The JPEG's frame header (SOF) at byte ${at} is malformed.`);
  }
  if (bytes[start] !== 8) {
    return dataFault(
      "unsupported_encoding",
      `The JPEG has ${bytes[start]}-bit samples; decoders expect 8-bit JPEGs.`,
    );
  }
  if (!readUint16(bytes, start + 1) || !readUint16(bytes, start + 3)) {
    return dataFault("corrupt_structure", `The JPEG's frame header (SOF) at byte ${at} has no size.`);
  }
  const ids: number[] = [];
  const quantizationTables: number[] = [];
  for (let c = start + 6; c < end; c += 3) {
    const horizontal = bytes[c + 1]! >> 4;
    const vertical = bytes[c + 1]! & 15;
    const table = bytes[c + 2]!;
    if (horizontal < 1 || horizontal > 4 || vertical < 1 || vertical > 4 || table > 3) {
      return dataFault("corrupt_structure", `The JPEG's frame header (SOF) at byte ${at} is malformed.`);
    }
    ids.push(bytes[c]!);
    quantizationTables.push(table);
  }
  return { progressive, ids, quantizationTables };
}
