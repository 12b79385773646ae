/** How a URL's host would be seen from Alibaba's servers. */
export type HostReachability = "public" | "loopback" | "private";

/**
 * Classifies a URL hostname (as `URL.hostname` gives it) by its literal form: loopback (`localhost`,
 * `*.localhost`, 127.0.0.0/8, ::1), private (RFC 1918, link-local, unique-local, 0.0.0.0, `.internal`,
 * `.local`), or public. Alibaba's servers cannot reach the first two, so neither does the emulator by default.
 */
export function hostReachability(hostname: string): HostReachability {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1") return "loopback";
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host.replace(/^::ffff:/, ""));
  if (ipv4) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    if (a === 127) return "loopback";
    if (a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168))
      return "private";
    if (a === 169 && b === 254) return "private";
    if (a === 100 && b >= 64 && b <= 127) return "private";
    return "public";
  }
  if (host.includes(":")) {
    if (/^(fc|fd)/.test(host) || /^fe[89ab]/.test(host) || host === "::") return "private";
    if (host.startsWith("::ffff:")) return "private";
    return "public";
  }
  if (host.endsWith(".internal") || host.endsWith(".local") || !host.includes(".")) return "private";
  return "public";
}
