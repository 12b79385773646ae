/**
 * Encodes form fields as `application/x-www-form-urlencoded` exactly as Node's `querystring.stringify` does
 * (which the official SDK uses): `encodeURIComponent` keeps the same characters (`A-Z a-z 0-9 - _ . ! ~ * ' ( )`),
 * so space is `%20` and base64's `+ / =` become `%2B %2F %3D`. Throws `URIError` on a lone surrogate, as Node does.
 */
export function encodeFormBody(form: Readonly<Record<string, string>>): string {
  return Object.entries(form)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join("&");
}

/**
 * The form encoding of text already checked to be base64 (alphabet `A-Z a-z 0-9 + /`, `=` only at the end):
 * the same result as `encodeURIComponent`, in two native passes instead of a general one. Padding is handled
 * apart because a whole pass for two trailing characters would cost as much as the other two.
 */
export function encodeBase64FormValue(base64: string): string {
  const padding = base64.indexOf("=");
  const data = padding < 0 ? base64 : base64.slice(0, padding);
  const encoded = data.replaceAll("+", "%2B").replaceAll("/", "%2F");
  return padding < 0 ? encoded : encoded + "%3D".repeat(base64.length - padding);
}
