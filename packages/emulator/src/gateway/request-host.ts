/**
 * The Host a request was sent to: its Host header (Node, Workers), or the URL's host for a Request built in
 * process, which carries none.
 */
export function requestHost(request: Request): string {
  return request.headers.get("host") ?? new URL(request.url).host;
}
