import { encodeTrustedBase64FormBody } from "./encode-base64-form-body.js";

// The TC39 base64 method (workerd, Chromium 140+, Firefox 133+, Safari 18.2+), missing from TypeScript 5.9's lib.
type NativeBytes = Uint8Array & { toBase64?: () => string };

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// Three bytes (24 bits) are two halves of 12 bits, each two base64 characters, each form-encoded ("+" and "/"
// become "%2B" and "%2F"): 2 to 6 output bytes. The tables give a half's first four bytes, its last two, and
// how many count; they are small to make (a bundle that does not encode drops them).
const HALVES = /* @__PURE__ */ halves();

/**
 * The bytes of the form body `name=<base64 of bytes>`: the same bytes as `encodeBase64FormBody` of the bytes'
 * standard (padded) base64, which is how Node's `querystring.stringify`, and so the official SDK, encodes it.
 * Where the runtime has a native `toBase64` (workerd, recent browsers) that makes the text and one pass encodes
 * it; elsewhere one pass goes from the bytes to the body, written into one buffer, with no base64 text between.
 * The result may be a view on a slightly larger buffer.
 *
 * @example encodeBytesFormBody(new Uint8Array([0xff, 0xd8, 0xff])) // the bytes of "FacePictureBase64=%2F9j%2F"
 */
export function encodeBytesFormBody(bytes: Uint8Array, name = "FacePictureBase64"): Uint8Array<ArrayBuffer> {
  const native = (bytes as NativeBytes).toBase64?.();
  // Native base64 is in the alphabet by construction: no need to check it again.
  if (native !== undefined) return encodeTrustedBase64FormBody(native, name);
  const prefix = new TextEncoder().encode(`${encodeURIComponent(name)}=`);
  // Random data has one "+" or "/" in 32 characters, each two bytes longer: room for an eighth more is ample;
  // bytes with many more (flat image areas) are encoded again with room for the worst case.
  const characters = Math.ceil(bytes.length / 3) * 4;
  return (
    encodeBytesWithRoom(bytes, prefix, characters + (characters >>> 3)) ??
    encodeBytesWithRoom(bytes, prefix, characters * 3)!
  );
}

// Null when `size` is too small for the body.
function encodeBytesWithRoom(
  bytes: Uint8Array,
  prefix: Uint8Array,
  size: number,
): Uint8Array<ArrayBuffer> | null {
  // Six spare bytes: every half is stored as six bytes, of which only the first `length` count.
  const body = new Uint8Array(prefix.length + size + 6);
  body.set(prefix);
  const view = new DataView(body.buffer);
  const { head, tail, lengths } = HALVES;
  const whole = bytes.length - (bytes.length % 3);
  // The last place a group may start with room for its 12 bytes.
  const last = body.length - 18;
  let write = prefix.length;
  for (let read = 0; read < whole; read += 3) {
    if (write > last) return null;
    const group = (bytes[read]! << 16) | (bytes[read + 1]! << 8) | bytes[read + 2]!;
    const high = group >>> 12;
    view.setInt32(write, head[high]!, true);
    view.setUint16(write + 4, tail[high]!, true);
    write += lengths[high]!;
    const low = group & 4095;
    view.setInt32(write, head[low]!, true);
    view.setUint16(write + 4, tail[low]!, true);
    write += lengths[low]!;
  }
  if (whole < bytes.length) {
    // One or two bytes left: two or three characters, then "=" padding ("%3D" each) to four.
    const group = (bytes[whole]! << 16) | ((bytes[whole + 1] ?? 0) << 8);
    const characters = bytes.length - whole + 1;
    let text = "";
    for (let index = 0; index < 4; index++) {
      text += index < characters ? ALPHABET[(group >>> (18 - 6 * index)) & 63] : "=";
    }
    const encoded = new TextEncoder().encode(encodeURIComponent(text));
    if (write + encoded.length > body.length) return null;
    body.set(encoded, write);
    write += encoded.length;
  }
  return body.subarray(0, write);
}

// @__NO_SIDE_EFFECTS__
function halves(): { head: Int32Array; tail: Uint16Array; lengths: Uint8Array } {
  const head = new Int32Array(4096);
  const tail = new Uint16Array(4096);
  const lengths = new Uint8Array(4096);
  const encoder = new TextEncoder();
  for (let half = 0; half < 4096; half++) {
    const text = encodeURIComponent(ALPHABET[half >>> 6]! + ALPHABET[half & 63]!);
    const six = new Uint8Array(6);
    encoder.encodeInto(text, six);
    head[half] = six[0]! | (six[1]! << 8) | (six[2]! << 16) | (six[3]! << 24);
    tail[half] = six[4]! | (six[5]! << 8);
    lengths[half] = text.length;
  }
  return { head, tail, lengths };
}
