// CRC-32 as PNG defines it (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320), with the common
// eight-table ("slicing-by-8") method: eight bytes per step, several times the speed of one table (and 1.6
// times that of four) on a 600 KB file. The 8 KiB of tables are built on first use, so importing costs nothing.
let tables: Uint32Array | undefined;

function buildTables(): Uint32Array {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  // Table k gives the CRC of a byte followed by k zero bytes.
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) {
      const previous = t[(k - 1) * 256 + n]!;
      t[k * 256 + n] = t[previous & 255]! ^ (previous >>> 8);
    }
  }
  return t;
}

/**
 * The CRC-32 of `bytes[start..end)` (PNG's chunk checksum, the same as zlib's and gzip's `crc32`), as an
 * unsigned 32-bit number: `crc32(ascii("123456789"))` is `0xcbf43926`, the published check value.
 */
// @__NO_SIDE_EFFECTS__
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  tables ??= buildTables();
  const t = tables;
  let crc = -1;
  let i = start;
  for (const last = end - 7; i < last; i += 8) {
    crc ^= bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    const high = bytes[i + 4]! | (bytes[i + 5]! << 8) | (bytes[i + 6]! << 16) | (bytes[i + 7]! << 24);
    crc =
      t[1792 + (crc & 255)]! ^
      t[1536 + ((crc >>> 8) & 255)]! ^
      t[1280 + ((crc >>> 16) & 255)]! ^
      t[1024 + (crc >>> 24)]! ^
      t[768 + (high & 255)]! ^
      t[512 + ((high >>> 8) & 255)]! ^
      t[256 + ((high >>> 16) & 255)]! ^
      t[high >>> 24]!;
  }
  for (; i < end; i++) crc = t[(crc ^ bytes[i]!) & 255]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
