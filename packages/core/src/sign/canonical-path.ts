import { percentEncode } from "./percent-encode.js";

/**
 * The canonical URI of a signature: the URL path with every segment percent-encoded by the signature's rules
 * (decoded first, so `/a%20b` and `/a b` give the same result). RPC APIs such as FaceLivenessV2 use `/`.
 */
export function canonicalPath(pathname: string): string {
  if (pathname === "" || pathname === "/") return "/";
  return pathname
    .split("/")
    .map((segment) => percentEncode(decodeSegment(segment)))
    .join("/");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray `%` is a literal percent sign, which percentEncode turns into %25.
    return segment;
  }
}
