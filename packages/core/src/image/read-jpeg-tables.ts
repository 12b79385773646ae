import { dataFault, type ImageDataFault } from "./image-data-problem.js";

// The table segments of a JPEG (ITU T.81, B.2.4): each may hold several tables, and their sizes must add up
// to the segment's length exactly. Defined tables are kept as bit sets: quantisation tables 0-3 in bits 0-3;
// Huffman DC tables 0-3 in bits 0-3 and AC tables 0-3 in bits 4-7.

/**
 * Reads a DQT segment's payload `bytes[start..end)` and returns `defined` with its tables added, or a fault.
 * Each table: precision/id byte (8-bit or 16-bit entries, id 0-3), then 64 entries.
 */
export function readQuantizationTables(
  bytes: Uint8Array,
  start: number,
  end: number,
  defined: number,
): number | ImageDataFault {
  let p = start;
  while (p < end) {
    const precision = bytes[p]! >> 4;
    const id = bytes[p]! & 15;
    if (precision > 1 || id > 3) return broken("quantisation table (DQT)", start);
    p += 1 + 64 * (precision + 1);
    defined |= 1 << id;
  }
  return p === end && p > start ? defined : broken("quantisation table (DQT)", start);
}

/**
 * Reads a DHT segment's payload `bytes[start..end)` and returns `defined` with its tables added, or a fault.
 * Each table: class/id byte (DC or AC, id 0-3), 16 counts of codes per length, then the symbols. The counts
 * must leave the all-ones code of every length unused, as T.81 (C.2) requires and libjpeg checks, there are
 * at most 256 symbols, and a DC symbol is a bit count (at most 15).
 */
export function readHuffmanTables(
  bytes: Uint8Array,
  start: number,
  end: number,
  defined: number,
): number | ImageDataFault {
  let p = start;
  while (p < end) {
    const tableClass = bytes[p]! >> 4;
    const id = bytes[p]! & 15;
    if (tableClass > 1 || id > 3 || p + 17 > end) return broken("Huffman table (DHT)", start);
    let code = 0;
    let symbols = 0;
    for (let length = 1; length <= 16; length++) {
      const count = bytes[p + length]!;
      symbols += count;
      code += count;
      // After the codes of this length, the next free code must still fit in `length` bits.
      if (code >= 2 ** length) return broken("Huffman table (DHT)", start);
      code *= 2;
    }
    const first = p + 17;
    p = first + symbols;
    if (symbols > 256 || p > end) return broken("Huffman table (DHT)", start);
    if (tableClass === 0) {
      for (let s = first; s < p; s++) if (bytes[s]! > 15) return broken("Huffman table (DHT)", start);
    }
    defined |= 1 << (tableClass * 4 + id);
  }
  return p === end && p > start ? defined : broken("Huffman table (DHT)", start);
}

function broken(what: string, start: number): ImageDataFault {
  return dataFault("corrupt_structure", `The JPEG's ${what} segment at byte ${start - 4} is malformed.`);
}
