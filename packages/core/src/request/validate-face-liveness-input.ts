import type { ValidationIssue } from "../errors/index.js";
import { IMAGE_LIMITS, isProductCode, PRODUCT_CODES } from "../spec/index.js";
import { isMerchantBizId } from "./merchant-biz-id.js";

/** The longest `MerchantUserId` accepted: room for any hash encoding, and bounded work on hostile input. */
export const MERCHANT_USER_ID_MAX_LENGTH = 128;
/** The longest picture URL accepted: it travels in the query string, which servers cap at a few KB. */
export const PICTURE_URL_MAX_LENGTH = 4096;

const PICTURE_SOURCES = ["facePictureBase64", "facePictureUrl", "facePictureFile"];
// Control characters (Unicode category Cc: U+0000-001F, U+007F-009F) and lone surrogates (Cs: in "u" mode a valid
// pair is one code point, so only an unpaired half matches), which have no UTF-8 and make encodeURIComponent throw.
const UNSENDABLE = /[\p{Cc}\p{Cs}]/u;
const BASE64_RULE = "must be bare standard base64 (A-Za-z0-9+/, = only at the end)";

/**
 * Checks a FaceLivenessV2 input against every rule of the API and returns every problem found (empty when the
 * input is valid); never throws. Messages name the rule, never the value (user ids and images stay out of them).
 * `buildFaceLivenessRequest` applies the same rules and throws them as one `ValidationError`.
 */
export function validateFaceLivenessInput(input: unknown): ValidationIssue[] {
  return findInputIssues(input, true);
}

/**
 * `validateFaceLivenessInput`, with the scan of the base64 alphabet left out when `scanBase64` is false: the
 * request builder checks the alphabet in the same pass that encodes the body (the length and padding are checked
 * here either way, so a huge text is refused before any pass over it).
 */
export function findInputIssues(input: unknown, scanBase64: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report = (field: string, code: string, message: string) => {
    issues.push({ field, code, message });
  };
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    report("input", "invalid_type", "must be an object");
    return issues;
  }
  const fields = input as Record<string, unknown>;
  // A required string of at most `max` characters, or undefined once the reason is reported.
  const text = (field: string, max: number): string | undefined => {
    const value = fields[field];
    if (!isPictureSourceGiven(value)) report(field, "required", "is required");
    else if (typeof value !== "string") report(field, "invalid_type", "must be a string");
    else if (value.length > max) report(field, "too_long", `must be at most ${max} characters`);
    else return value;
    return undefined;
  };

  const bizId = text("merchantBizId", 32);
  if (bizId !== undefined && !isMerchantBizId(bizId)) {
    report("merchantBizId", "invalid_format", "must be A-Za-z0-9 only");
  }
  const userId = text("merchantUserId", MERCHANT_USER_ID_MAX_LENGTH);
  if (userId !== undefined && UNSENDABLE.test(userId)) {
    report("merchantUserId", "invalid_format", "must not hold control characters or lone surrogates");
  }
  const { productCode } = fields;
  if (productCode !== undefined && !isProductCode(productCode)) {
    const code = typeof productCode === "string" ? "invalid_value" : "invalid_type";
    report("productCode", code, `must be ${PRODUCT_CODES.join(" or ")}`);
  }
  const given = PICTURE_SOURCES.filter((name) => isPictureSourceGiven(fields[name]));
  if (given.length !== 1) {
    const which = given.join(", ") || "none";
    report("facePicture", "one_picture_source", `give one of ${PICTURE_SOURCES.join(", ")} (${which} given)`);
  }
  for (const field of given) {
    const base64 = field === "facePictureBase64";
    // Base64 has no length limit of its own: its decoded size is judged instead.
    const value = text(field, base64 ? Infinity : PICTURE_URL_MAX_LENGTH);
    if (value === undefined) continue;
    if (base64) checkBase64(report, value, scanBase64);
    // facePictureUrl must be https; facePictureFile, the URL of an uploaded OSS object, may be http.
    else checkUrl(report, field, value, field === "facePictureFile");
  }
  for (const name of ["faceQualityCheck", "faceAttributeCheck"]) {
    if (fields[name] !== undefined && typeof fields[name] !== "boolean")
      report(name, "invalid_type", "must be true or false");
  }
  return issues;
}

/** Whether a picture source counts as given: an empty string is treated as absent, as an empty form field is. */
export function isPictureSourceGiven(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

type Report = (field: string, code: string, message: string) => void;

function checkBase64(report: Report, value: string, scan: boolean): void {
  const field = "facePictureBase64";
  if (value.startsWith("data:"))
    report(field, "invalid_base64", 'must be bare base64: drop the "data:…," prefix');
  else {
    // The length and padding (at most two "=", only at the end) are judged without a pass over the characters,
    // and give the decoded size: an oversized text is refused before any scan of it.
    const length = value.length;
    const data = length - (value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0);
    const firstPad = value.indexOf("=");
    const shaped = (firstPad < 0 || firstPad >= data) && !(data < length && length % 4) && data % 4 !== 1;
    if (!shaped) report(field, "invalid_base64", `${BASE64_RULE}: wrong length or padding`);
    const bytes = Math.floor((data * 3) / 4);
    if (bytes > IMAGE_LIMITS.maxBytes) {
      report(field, "too_large", `decodes to ${bytes} bytes; at most ${IMAGE_LIMITS.maxBytes} (1 MB)`);
    } else if (scan && shaped && /[^A-Za-z0-9+/=]/.test(value)) {
      report(field, "invalid_base64", BASE64_RULE);
    }
  }
}

function checkUrl(report: Report, field: string, url: string, httpAllowed: boolean): void {
  let scheme: string | undefined;
  try {
    // No whitespace and nothing unsendable (the URL parser would quietly encode or replace it); an http(s) URL
    // that parses has a host: the parser refuses "https://" and the like.
    if (!/\s/.test(url) && !UNSENDABLE.test(url)) scheme = new URL(url).protocol;
  } catch {}
  if (!scheme) report(field, "invalid_format", "must be an absolute URL without spaces");
  else if (scheme !== "https:" && !(httpAllowed && scheme === "http:")) {
    report(field, "not_https", httpAllowed ? "must be an http(s) URL" : "must be an https URL");
  }
}
