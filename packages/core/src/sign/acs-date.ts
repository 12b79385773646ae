import { ValidationError } from "../errors/index.js";

const ACS_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;

/**
 * Formats a date as Alibaba's signatures want it: UTC, `yyyy-MM-ddTHH:mm:ssZ`, no milliseconds. Throws a
 * `ValidationError` for an invalid date or a year outside 0..9999.
 */
export function formatAcsDate(date: Date): string {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  // 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z; NaN fails both comparisons.
  if (!(time >= -62_167_219_200_000 && time < 253_402_300_800_000)) {
    throw new ValidationError([
      { field: "date", code: "invalid_value", message: "must be a valid Date in years 0-9999" },
    ]);
  }
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * Reads an `x-acs-date` or V2 `Timestamp` value: `yyyy-MM-ddTHH:mm:ssZ`, fractional seconds tolerated (some
 * SDKs send them). Returns `undefined` for anything else, including impossible dates such as month 13.
 */
export function parseAcsDate(text: string): Date | undefined {
  const match = ACS_DATE.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction] = match;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC, which would read years 0..99 as 1900..1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(
    Number(hour),
    Number(minute),
    Number(second),
    fraction ? Math.floor(Number(fraction) * 1000) : 0,
  );
  // Date.UTC rolls over out-of-range fields (month 13, second 60); a round trip catches them.
  return formatAcsDate(date) === `${text.slice(0, 19)}Z` ? date : undefined;
}
