import type { ValidationIssue } from "../errors/index.js";
import { base64DecodedLength } from "../image/index.js";
import { IMAGE_LIMITS, isProductCode, PRODUCT_CODES } from "../spec/index.js";
import { isMerchantBizId } from "./merchant-biz-id.js";

/** The longest `MerchantUserId` accepted: room for any hash encoding, and bounded work on hostile input. */
export const MERCHANT_USER_ID_MAX_LENGTH = 128;
/** The longest picture URL accepted: it travels in the query string, which servers cap at a few KB. */
export const PICTURE_URL_MAX_LENGTH = 4096;

const PICTURE_SOURCES = ["facePictureBase64", "facePictureUrl", "facePictureFile"];
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;
const BASE64_RULE = "must be standard base64 (A-Z a-z 0-9 + /, final padding only, no whitespace)";

type Report = (field: string, code: string, message: string) => void;

/**
 * Checks a FaceLivenessV2 input against every rule of the API and returns every problem found (empty when the
 * input is valid); never throws. Messages name the rule, never the value (user ids and images stay out of them).
 * `buildFaceLivenessRequest` applies the same rules and throws them as one `ValidationError`.
 */
export function validateFaceLivenessInput(input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report: Report = (field, code, message) => {
    issues.push({ field, code, message });
  };
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    report("input", "invalid_type", "must be an object");
    return issues;
  }
  const fields = input as Record<string, unknown>;
  const bizId = text(report, "merchantBizId", fields.merchantBizId, 32);
  if (bizId !== undefined && !isMerchantBizId(bizId)) {
    report("merchantBizId", "invalid_format", "must hold only ASCII letters and digits");
  }
  const userId = text(report, "merchantUserId", fields.merchantUserId, MERCHANT_USER_ID_MAX_LENGTH);
  if (userId !== undefined && !isSendable(userId)) {
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
    report(
      "facePicture",
      "one_picture_source",
      `give exactly one of ${PICTURE_SOURCES.join(", ")} (${which} given)`,
    );
  }
  if (given.includes("facePictureBase64")) checkBase64(report, fields.facePictureBase64);
  if (given.includes("facePictureUrl")) checkUrl(report, "facePictureUrl", fields.facePictureUrl, false);
  if (given.includes("facePictureFile")) checkUrl(report, "facePictureFile", fields.facePictureFile, true);
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

// A required string of at most `max` characters, or undefined once the reason is reported.
function text(report: Report, field: string, value: unknown, max: number): string | undefined {
  if (value === undefined || value === null || value === "") report(field, "required", "is required");
  else if (typeof value !== "string") report(field, "invalid_type", "must be a string");
  else if (value.length > max) report(field, "too_long", `must be at most ${max} characters`);
  else return value;
  return undefined;
}

// No control characters, and valid UTF-16 (a lone surrogate cannot be sent as UTF-8; encodeURIComponent says so).
function isSendable(value: string): boolean {
  if (CONTROL.test(value)) return false;
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

function checkBase64(report: Report, value: unknown): void {
  const field = "facePictureBase64";
  if (typeof value !== "string") {
    report(field, "invalid_type", "must be a string");
    return;
  }
  if (value.startsWith("data:")) {
    report(field, "invalid_base64", 'must be bare base64: remove the "data:…," prefix');
    return;
  }
  const size = decodedLength(value);
  if (size === undefined) report(field, "invalid_base64", `${BASE64_RULE}: the length or padding is wrong`);
  // The size comes from the length alone, so an oversized input is refused before any pass over its characters.
  const bytes = size ?? Math.floor((value.length * 3) / 4);
  if (bytes > IMAGE_LIMITS.maxBytes) {
    report(
      field,
      "too_large",
      `decodes to ${bytes} bytes; at most ${IMAGE_LIMITS.maxBytes} (1 MB) are allowed`,
    );
  } else if (size !== undefined && NOT_BASE64.test(value)) {
    report(field, "invalid_base64", BASE64_RULE);
  }
}

// The decoded size when the length and padding are possible (`=` only at the end, at most two), else undefined.
function decodedLength(value: string): number | undefined {
  const firstPad = value.indexOf("=");
  if (firstPad >= 0 && (value.length - firstPad > 2 || !value.endsWith("="))) return undefined;
  try {
    return base64DecodedLength(value);
  } catch {
    return undefined;
  }
}

// facePictureUrl must be https; facePictureFile, the URL of an uploaded OSS object, may be http.
function checkUrl(report: Report, field: string, value: unknown, httpAllowed: boolean): void {
  const url = text(report, field, value, PICTURE_URL_MAX_LENGTH);
  if (url === undefined) return;
  let parsed: URL | undefined;
  try {
    parsed = /[\s\u0000-\u001f\u007f]/.test(url) ? undefined : new URL(url);
  } catch {}
  const scheme = parsed?.protocol;
  if (parsed && scheme !== "https:" && !(httpAllowed && scheme === "http:")) {
    report(field, "not_https", httpAllowed ? "must be an https (or http) URL" : "must be an https URL");
  } else if (!parsed?.hostname) {
    report(field, "invalid_format", "must be an absolute URL with a host and no spaces");
  }
}
