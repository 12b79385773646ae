// Re-exports only: byte primitives the other packages share (hex, PNG's CRC-32).
export { bytesToHex } from "./bytes-to-hex.js";
export { crc32 } from "./crc32.js";
