// Re-exports only: byte primitives the other packages share (hex, joining, PNG's CRC-32).
export { bytesToHex } from "./bytes-to-hex.js";
export { concatBytes } from "./concat-bytes.js";
export { crc32 } from "./crc32.js";
