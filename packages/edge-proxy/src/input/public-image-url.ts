import { MAX_IMAGE_URL_LENGTH } from "@liveness-kit/contract";

/** The longest `image.url` the proxy takes: the contract's limit (re-exported for the URL's tests). */
export { MAX_IMAGE_URL_LENGTH };

/** Why an `image.url` was refused. */
export type ImageUrlProblem =
  | "too_long"
  | "invalid_url"
  | "not_https"
  | "credentials"
  | "port"
  | "ip_not_public"
  | "host_not_public"
  | "host_embeds_ip"
  | "host_not_allowed";

/** The outcome of `checkPublicImageUrl`: the normalised URL, or the problem and a message. */
export type ImageUrlCheck =
  | { ok: true; url: string }
  | { ok: false; problem: ImageUrlProblem; message: string };

/**
 * Names that never resolve on the public internet (RFC 6761, RFC 8375, common private zones), and the zones of
 * service discovery inside clusters (Kubernetes, Consul, Docker), which resolve only from inside a network.
 */
const PRIVATE_SUFFIXES = [
  "svc",
  "cluster",
  "default",
  "consul",
  "docker",
  "k8s",
  "kube",
  "arpa",
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
 * Public services whose names resolve to whatever address the name spells (`10.0.0.1.nip.io`) or to
 * loopback, and well-known DNS-rebinding services. Not exhaustive: the allow-list is the real defence.
 */
const ADDRESS_ECHO_DOMAINS = [
  "nip.io",
  "sslip.io",
  "xip.io",
  "nip.direct",
  "traefik.me",
  "localtest.me",
  "lvh.me",
  "vcap.me",
  "fuf.me",
  "local.gd",
  "localh.st",
  "1u.ms",
  "rbndr.us",
  "rebind.it",
];

/**
 * Accepts `image.url` only as an https URL on a public host: no credentials, default port, bounded
 * length, no private names, and no IP literal outside public unicast space. Hex, octal and decimal
 * IPv4 spellings are caught because the WHATWG URL parser rewrites them to dotted quads first. Names
 * that spell an address (`100.100.100.200.nip.io`, `10-0-0-1.example`) or belong to a cluster's zone
 * (`kubernetes.default.svc`) are refused too. When `allowedHosts` is given (the `IMAGE_URL_HOSTS`
 * list: exact names or `*.suffix`), the host must also be on it.
 */
export function checkPublicImageUrl(text: string, allowedHosts?: readonly string[]): ImageUrlCheck {
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
    const problem = hostNameProblem(host);
    if (problem === "host_not_public") {
      return refuse(
        "host_not_public",
        "must name a public host (no localhost, intranet, cluster or single-label names)",
      );
    }
    if (problem === "host_embeds_ip") {
      return refuse("host_embeds_ip", "must not name a host that spells an IP address");
    }
  }
  if (allowedHosts !== undefined && !isAllowedHost(host, allowedHosts)) {
    return refuse("host_not_allowed", "must be on a host this proxy allows (IMAGE_URL_HOSTS)");
  }
  url.hash = "";
  const normalised = url.href;
  if (normalised.length > MAX_IMAGE_URL_LENGTH)
    return refuse("too_long", `must be at most ${MAX_IMAGE_URL_LENGTH} characters`);
  return { ok: true, url: normalised };
}

/**
 * Why a host name (lower case, no trailing dot) cannot be an image host, or `undefined`: a private or
 * cluster zone, a single label, or a name that embeds an IPv4 address (dotted, dashed or hex labels,
 * as nip.io and sslip.io read them), an IPv6 address (sslip.io's dashed form) or belongs to such a service.
 * Used for `image.url` and for the entries of `IMAGE_URL_HOSTS`.
 */
export function hostNameProblem(host: string): "host_not_public" | "host_embeds_ip" | undefined {
  const labels = host.split(".");
  const inZone = (zones: readonly string[]) =>
    zones.some((zone) => host === zone || host.endsWith(`.${zone}`));
  if (labels.length < 2 || labels.some((label) => label === "") || inZone(PRIVATE_SUFFIXES)) {
    return "host_not_public";
  }
  // Cloud-internal endpoints (Alibaba's `*-internal.aliyuncs.com`, `vpc100-*`) resolve inside its network only.
  if (
    labels.some((label) => label === "internal" || label.endsWith("-internal") || label.startsWith("vpc100-"))
  ) {
    return "host_not_public";
  }
  if (inZone(ADDRESS_ECHO_DOMAINS)) return "host_embeds_ip";
  const octet = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
  for (let at = 0; at + 4 <= labels.length; at++) {
    if (labels.slice(at, at + 4).every((label) => octet.test(label))) return "host_embeds_ip";
  }
  const embedded = labels.some(
    (label) =>
      /(?:^|[^\d])\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}(?:$|[^\d])/.test(label) ||
      /(?:^|-)(?:0x)?[0-9a-f]{8}(?:$|-)/.test(label) ||
      (!label.startsWith("xn--") &&
        /^[0-9a-f]{0,4}(?:-[0-9a-f]{0,4}){2,7}$/.test(label) &&
        label.includes("--")),
  );
  return embedded ? "host_embeds_ip" : undefined;
}

/** Whether `host` is on the list: an exact name, or under a `*.suffix` entry (not the suffix itself). */
export function isAllowedHost(host: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((entry) =>
    entry.startsWith("*.") ? host.endsWith(entry.slice(1)) && host.length > entry.length - 1 : host === entry,
  );
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
  // IETF protocol assignments (2001::/23): Teredo, benchmarking 2001:2::/48, ORCHID 2001:10::/28 and
  // ORCHIDv2 2001:20::/28 among them; none of it is an image host.
  if (first === 0x2001 && second < 0x0200) return false;
  if (first === 0x2001 && second === 0x0db8) return false; // documentation
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
