// Header fields are read byte by byte from the `Uint8Array` itself: no DataView (whose out-of-range reads throw)
// and no `byteOffset` arithmetic. An index past the end reads `undefined`, which the bit operators turn into 0.

/** The unsigned 16-bit integer at `at`, big-endian unless `little`; the caller checks the bounds. */
export function readUint16(bytes: Uint8Array, at: number, little = false): number {
  return little ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!;
}

/** The unsigned 32-bit integer at `at`, big-endian unless `little`; the caller checks the bounds. */
export function readUint32(bytes: Uint8Array, at: number, little = false): number {
  return (
    readUint16(bytes, little ? at + 2 : at, little) * 0x10000 +
    readUint16(bytes, little ? at : at + 2, little)
  );
}
