import { dataFault, type ImageDataFault } from "./image-data-problem.js";
import type { JpegFrame } from "./read-jpeg-frame.js";

/**
 * Checks the payload `bytes[start..end)` of an SOS segment (T.81, B.2.3) against the frame and the tables
 * defined so far: 1 to 4 components of the frame; their quantisation tables defined; the Huffman tables
 * the scan decodes with defined (sequential: DC and AC; progressive: DC for a first DC scan, AC for an AC
 * scan, none for a DC refinement); in a progressive scan, the spectral band and successive approximation
 * in range and an AC scan holding one component. Returns a fault, or undefined when the scan may start.
 * `quantization` and `huffman` are the bit sets of `readQuantizationTables` and `readHuffmanTables`.
 */
export function readJpegScanHeader(
  bytes: Uint8Array,
  start: number,
  end: number,
  frame: JpegFrame,
  quantization: number,
  huffman: number,
): ImageDataFault | undefined {
  const at = start - 4;
  const count = bytes[start]!;
  if (end - start !== 4 + 2 * count || count < 1 || count > 4) return malformed(at);
  const spectralStart = bytes[end - 3]!;
  const spectralEnd = bytes[end - 2]!;
  const high = bytes[end - 1]! >> 4;
  const low = bytes[end - 1]! & 15;
  // A sequential scan's Ss, Se, Ah and Al are fixed by the standard; decoders ignore odd values there, so
  // only a progressive scan's are checked, as libjpeg checks them.
  if (frame.progressive) {
    const band = spectralStart === 0 ? spectralEnd === 0 : spectralEnd <= 63 && spectralStart <= spectralEnd;
    if (!band || (spectralStart > 0 && count !== 1) || low > 13 || (high && low !== high - 1)) {
      return malformed(at);
    }
  }
  const needsDc = !frame.progressive || (spectralStart === 0 && high === 0);
  const needsAc = !frame.progressive || spectralStart > 0;
  for (let c = start + 1; c < end - 3; c += 2) {
    const index = frame.ids.indexOf(bytes[c]!);
    if (index < 0) {
      return dataFault(
        "corrupt_structure",
        `The JPEG's scan at byte ${at} names a colour component the frame does not have.`,
      );
    }
    if (!(quantization & (1 << frame.quantizationTables[index]!))) {
      return dataFault(
        "corrupt_structure",
        `The JPEG's scan at byte ${at} comes before the quantisation table (DQT) it needs.`,
      );
    }
    const dc = bytes[c + 1]! >> 4;
    const ac = bytes[c + 1]! & 15;
    if (dc > 3 || ac > 3) return malformed(at);
    if ((needsDc && !(huffman & (1 << dc))) || (needsAc && !(huffman & (1 << (4 + ac))))) {
      return dataFault(
        "corrupt_structure",
        `The JPEG's scan at byte ${at} comes before the Huffman table (DHT) it needs.`,
      );
    }
  }
  return undefined;
}

function malformed(at: number): ImageDataFault {
  return dataFault("corrupt_structure", `The JPEG's scan header (SOS) at byte ${at} is malformed.`);
}
