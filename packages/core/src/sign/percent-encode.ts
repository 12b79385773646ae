// Alibaba's signatures percent-encode with RFC 3986's rules: unreserved characters stay, every other UTF-8
// byte becomes %XX in upper case (so space is %20, `*` is %2A, `~` stays). Source: the "V3 request structure
// and signature" page of Alibaba Cloud's documentation.

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;
// encodeURIComponent leaves these five unencoded; RFC 3986 wants them encoded.
const LEFT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Percent-encodes a string the way Alibaba Cloud's signatures expect: `A-Z a-z 0-9 - _ . ~` stay as they are,
 * every other UTF-8 byte becomes `%XX` with upper-case hex. A lone surrogate is encoded as U+FFFD (as
 * `TextEncoder` and `URLSearchParams` do) instead of throwing.
 *
 * @example percentEncode("a b*~") // "a%20b%2A~"
 */
export function percentEncode(value: string): string {
  // Most names and values (ids, codes, dates) need no work at all.
  if (UNRESERVED_ONLY.test(value)) return value;
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // Only a lone surrogate makes encodeURIComponent throw.
    encoded = encodeURIComponent(value.replace(LONE_SURROGATE, "\ufffd"));
  }
  return encoded.replace(LEFT_BY_ENCODE_URI_COMPONENT, escapeAscii);
}

function escapeAscii(character: string): string {
  return `%${character.charCodeAt(0).toString(16).toUpperCase()}`;
}
