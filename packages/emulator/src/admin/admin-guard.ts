/**
 * Whether a request may use the admin API: the defences against a web page that talks to a local emulator
 * (a cross-site "simple" POST, or DNS rebinding that makes the page's own host name point at 127.0.0.1).
 * Returns the refusal, or `undefined` when the request may go on.
 */
export function checkAdminRequest(
  request: Request,
  allowedHosts: readonly string[],
): { status: 403 | 415; code: string; message: string } | undefined {
  const url = new URL(request.url);
  // A rebinding page reaches 127.0.0.1 under its own name: only loopback names (or configured ones) pass.
  if (!isLoopbackHost(url.hostname) && !allowedHosts.some((host) => host === "*" || host === url.hostname)) {
    return {
      status: 403,
      code: "HostNotAllowed",
      message: "The admin API answers loopback host names only (see --admin-host).",
    };
  }
  // Browsers send Origin on cross-origin writes and reads alike; command-line clients send none.
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== url.origin) {
    return {
      status: 403,
      code: "OriginNotAllowed",
      message: "The admin API refuses requests from web pages.",
    };
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return {
      status: 403,
      code: "OriginNotAllowed",
      message: "The admin API refuses requests from web pages.",
    };
  }
  // text/plain, form and multipart bodies are what a page may send cross-site without asking; JSON is not.
  // A DELETE without a body cannot be sent cross-site without a CORS preflight, which is never granted.
  const write = request.method !== "GET" && request.method !== "HEAD";
  const length = request.headers.get("content-length");
  const bodiless =
    request.method === "DELETE" &&
    (length === null || length === "0") &&
    request.headers.get("transfer-encoding") === null;
  if (write && !bodiless) {
    const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "application/json") {
      return {
        status: 415,
        code: "UnsupportedMediaType",
        message: "Admin writes need Content-Type: application/json.",
      };
    }
  }
  return undefined;
}

/** `localhost`, a name under `.localhost` (RFC 6761), an address in 127.0.0.0/8, or `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
