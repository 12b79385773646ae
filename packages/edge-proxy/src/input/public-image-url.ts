/**
 * Longest `image.url` accepted: the proxy's own policy, stricter than core's 4096-character limit of
 * the API (Alibaba fetches it; long URLs are a smuggling channel, not a need).
 */
export const MAX_IMAGE_URL_LENGTH = 2_048;

/** Why an `image.url` was refused. */
export type ImageUrlProblem =
  | "too_long"
  | "invalid_url"
  | "not_https"
  | "credentials"
  | "port"
  | "ip_not_public"
  | "host_not_public";

/** The outcome of `checkPublicImageUrl`: the normalised URL, or the problem and a message. */
export type ImageUrlCheck =
  | { ok: true; url: string }
  | { ok: false; problem: ImageUrlProblem; message: string };

/** Names that never resolve on the public internet (RFC 6761, RFC 8375, common private zones). */
const PRIVATE_SUFFIXES = [
  "localhost",
  "local",
  "localdomain",
  "internal",
  "intranet",
  "lan",
  "home",
  "corp",
  "private",
  "home.arpa",
  "test",
  "invalid",
  "example",
  "onion",
];

/**
 * Accepts `image.url` only as an https URL on a public host: no credentials, default port, bounded
 * length, no private names, and no IP literal outside public unicast space. Hex, octal and decimal
 * IPv4 spellings are caught because the WHATWG URL parser rewrites them to dotted quads first.
 */
export function checkPublicImageUrl(text: string): ImageUrlCheck {
  if (text.length > MAX_IMAGE_URL_LENGTH)
    return refuse("too_long", `must be at most ${MAX_IMAGE_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse("invalid_url", "must be an absolute https URL");
  }
  if (url.protocol !== "https:") return refuse("not_https", "must use https");
  if (url.username !== "" || url.password !== "")
    return refuse("credentials", "must not carry a user name or password");
  if (url.port !== "") return refuse("port", "must use the default https port");
  const host = url.hostname.replace(/\.$/, "").toLowerCase();
  if (host.startsWith("[")) {
    const groups = parseIpv6(host.slice(1, -1));
    if (groups === undefined || !isPublicIpv6(groups))
      return refuse("ip_not_public", "must not point at a private address");
  } else if (/^[\d.]+$/.test(host)) {
    const octets = host.split(".").map(Number);
    if (octets.length !== 4 || !isPublicIpv4(octets))
      return refuse("ip_not_public", "must not point at a private address");
  } else {
    const labels = host.split(".");
    const privateName = PRIVATE_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
    if (labels.length < 2 || privateName || labels.some((label) => label === "")) {
      return refuse(
        "host_not_public",
        "must name a public host (no localhost, intranet or single-label names)",
      );
    }
  }
  url.hash = "";
  const normalised = url.href;
  if (normalised.length > MAX_IMAGE_URL_LENGTH)
    return refuse("too_long", `must be at most ${MAX_IMAGE_URL_LENGTH} characters`);
  return { ok: true, url: normalised };
}

function refuse(problem: ImageUrlProblem, message: string): ImageUrlCheck {
  return { ok: false, problem, message: `image.url ${message}` };
}

/** Public unicast IPv4: everything outside the special-purpose ranges of RFC 6890 and its updates. */
function isPublicIpv4([a = 0, b = 0, c = 0]: number[]): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false; // this-network, private, loopback, multicast, reserved
  if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT
  if (a === 169 && b === 254) return false; // link-local (cloud metadata lives here)
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return false; // IETF protocol assignments, TEST-NET-1
  if (a === 192 && b === 88 && c === 99) return false; // 6to4 relay anycast
  if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
  if (a === 198 && b === 51 && c === 100) return false; // TEST-NET-2
  if (a === 203 && b === 0 && c === 113) return false; // TEST-NET-3
  return true;
}

/**
 * Public IPv6: global unicast (2000::/3) only, minus documentation, Teredo and 6to4 (which embed other
 * addresses). This leaves out loopback, unspecified, IPv4-mapped, NAT64, unique-local (fc00::/7),
 * link-local (fe80::/10), site-local and multicast.
 */
function isPublicIpv6(groups: number[]): boolean {
  const [first = 0, second = 0] = groups;
  if ((first & 0xe000) !== 0x2000) return false;
  if (first === 0x2001 && (second === 0x0db8 || second === 0x0000)) return false; // documentation, Teredo
  if (first === 0x2002) return false; // 6to4
  if (first === 0x3fff && second <= 0x0fff) return false; // documentation (RFC 9637)
  return true;
}

/** Parses the (already normalised) text of an IPv6 literal into its eight 16-bit groups. */
function parseIpv6(text: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const parse = (part: string | undefined): number[] | undefined => {
    if (part === undefined || part === "") return [];
    const groups = part
      .split(":")
      .map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? Number.parseInt(group, 16) : Number.NaN));
    return groups.some(Number.isNaN) ? undefined : groups;
  };
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing < 1 ? undefined : [...head, ...new Array<number>(missing).fill(0), ...tail];
}
