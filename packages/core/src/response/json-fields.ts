/** A parsed JSON object, its fields not yet trusted. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Whether `value` is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The first of `names` holding a non-empty string or a number, as text; numbers sent for strings are tolerated. */
export function readText(object: JsonObject, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = object[name];
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** A finite number, or a string that holds one (numbers sent as strings are tolerated). */
export function readNumber(object: JsonObject, name: string): number | undefined {
  const value = object[name];
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** `Y`/`N` in either case, or a boolean, as a boolean. */
export function readYesNo(object: JsonObject, name: string): boolean | undefined {
  const value = object[name];
  if (typeof value === "boolean") return value;
  if (value === "Y" || value === "y") return true;
  if (value === "N" || value === "n") return false;
  return undefined;
}
