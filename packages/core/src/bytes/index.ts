// Re-exports only: byte primitives the other packages share (hex, joining, PNG's CRC-32, seeded noise).
export { bytesToHex } from "./bytes-to-hex.js";
export { concatBytes } from "./concat-bytes.js";
export { crc32 } from "./crc32.js";
export { readCapped } from "./read-capped.js";
export { seededBytes, seededRandom } from "./seeded-random.js";
