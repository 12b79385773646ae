const HEX_BY_BYTE: readonly string[] = /* @__PURE__ */ Array.from({ length: 256 }, (_, byte) =>
  byte.toString(16).padStart(2, "0"),
);

/**
 * Lower-case hex of some bytes, two digits a byte (`[0x0f, 0xab]` → `"0fab"`). Only the bytes the view
 * covers are written. Use `.toUpperCase()` on the result where a format wants upper case.
 */
// @__NO_SIDE_EFFECTS__
export function bytesToHex(bytes: Uint8Array): string {
  let hex = "";
  for (let index = 0; index < bytes.length; index++) hex += HEX_BY_BYTE[bytes[index] as number];
  return hex;
}
