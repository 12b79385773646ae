/** Response headers as `fetch` gives them, or as a plain object (any case). */
export type ResponseHeaders = Headers | Readonly<Record<string, string>>;

/**
 * How long the server asks the client to wait before trying again, in milliseconds: Alibaba's
 * `x-acs-retry-after` (milliseconds), else the standard `retry-after` (seconds). Undefined when neither holds a
 * plain non-negative number (an HTTP date in `retry-after` is not worth a parser here).
 */
export function retryAfterMs(headers: ResponseHeaders | undefined): number | undefined {
  const ms = headerNumber(headers, "x-acs-retry-after") ?? headerNumber(headers, "retry-after", 1000);
  return ms === undefined ? undefined : Math.round(ms);
}

// The header's value times `unit` when it is a plain non-negative number.
function headerNumber(headers: ResponseHeaders | undefined, name: string, unit = 1): number | undefined {
  let value: string | null | undefined;
  if (typeof (headers as Headers | undefined)?.get === "function") value = (headers as Headers).get(name);
  else if (headers) value = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return value != null && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) * unit : undefined;
}
