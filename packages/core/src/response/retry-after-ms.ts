/** Response headers as `fetch` gives them, or as a plain object (any case). */
export type ResponseHeaders = Headers | Readonly<Record<string, string>>;

/**
 * How long the server asks the client to wait before trying again, in milliseconds: Alibaba's
 * `x-acs-retry-after` (milliseconds), else the standard `retry-after` (seconds). Undefined when neither holds a
 * plain non-negative number (an HTTP date in `retry-after` is not worth a parser here).
 */
export function retryAfterMs(headers: ResponseHeaders | undefined): number | undefined {
  const acs = nonNegative(header(headers, "x-acs-retry-after"));
  if (acs !== undefined) return Math.round(acs);
  const seconds = nonNegative(header(headers, "retry-after"));
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

function header(headers: ResponseHeaders | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function nonNegative(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}
