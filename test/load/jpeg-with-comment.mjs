/**
 * The same JPEG with a comment segment (COM, 0xFFFE) right after its start marker: other bytes, the same pixels.
 * The load test uses it to give every request a picture the emulator has not measured before.
 * @param {Uint8Array} jpeg
 * @param {string} text ASCII, at most 65,533 characters
 * @returns {Buffer}
 */
export function jpegWithComment(jpeg, text) {
  const payload = Buffer.from(text, "latin1");
  const length = payload.byteLength + 2;
  const marker = Buffer.from([0xff, 0xfe, length >> 8, length & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}
