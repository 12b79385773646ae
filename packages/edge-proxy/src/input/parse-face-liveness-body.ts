import { FaceLivenessFormSchema, FaceLivenessJsonSchema } from "@liveness-kit/contract";
import * as v from "valibot";
import { ProxyError } from "../answers/proxy-error.js";
import type { BodyReadLimits } from "./body-read-limits.js";
import { findDuplicateJsonKey } from "./find-duplicate-json-key.js";
import { isUtf8OrUnspecified, parseMediaType } from "./media-type.js";
import { type FormPart, MultipartError, parseMultipartForm } from "./multipart-form.js";
import { type LiftedJson, parseJsonLiftingBase64 } from "./parse-json-lifting-base64.js";
import { readBoundedBody } from "./read-bounded-body.js";
import { type RequestIssue, toRequestIssues } from "./request-issues.js";

/** Where the picture comes from, as the caller sent it (not yet decoded or checked). */
export type PictureSource =
  /** `bytes`: the decoded picture, when parsing already decoded it (`parseJsonLiftingBase64`). */
  | { kind: "base64"; base64: string; bytes?: Uint8Array }
  | { kind: "url"; url: string }
  | { kind: "file"; bytes: Uint8Array };

/** A request body that passed the schema. */
export interface FaceLivenessBody {
  merchantBizId?: string;
  merchantUserId: string;
  faceQualityCheck: boolean;
  picture: PictureSource;
}

/**
 * Reads (bounded in size and time) and validates the body of `POST /v1/face-liveness`, JSON or
 * multipart/form-data. Every problem becomes a 4xx `ProxyError`: 415 for another media type, 413 over
 * the limit, 408 for a body that stalls, 400 with the list of issues for anything the schema refuses.
 */
export async function parseFaceLivenessBody(
  request: Request,
  limits: BodyReadLimits,
): Promise<FaceLivenessBody> {
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = parseMediaType(contentType);
  if (mediaType.essence !== "application/json" && mediaType.essence !== "multipart/form-data") {
    throw new ProxyError(415, "unsupported_media_type", "Send application/json or multipart/form-data.");
  }
  // Another charset would be read as UTF-8 and mean something else than what was sent.
  if (!isUtf8OrUnspecified(mediaType)) {
    throw new ProxyError(
      415,
      "unsupported_media_type",
      "Send the body in UTF-8 (charset=utf-8, or no charset).",
    );
  }
  const bytes = await readBoundedBody(request, limits);
  return mediaType.essence === "application/json"
    ? parseJson(bytes)
    : parseMultipart(bytes, mediaType.parameters.get("boundary") ?? "");
}

function parseJson(bytes: Uint8Array): FaceLivenessBody {
  let text: string;
  let parsedJson: LiftedJson;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    // The picture's base64 is decoded where it lies, not copied by JSON.parse first.
    parsedJson = parseJsonLiftingBase64(text);
  } catch {
    throw new ProxyError(400, "invalid_json", "The body is not valid UTF-8 JSON.");
  }
  // JSON.parse keeps the last of two equal keys; what a log or a firewall reads must be what is used.
  const duplicate = findDuplicateJsonKey(text);
  if (duplicate !== undefined) {
    const field = duplicate.slice(0, 80);
    throw invalid([{ field, code: "duplicate_field", message: `${field} is sent more than once` }]);
  }
  // valibot's strict objects do not see an own `__proto__` key; the parser reports it instead.
  const { value, prototypeKey, lifted } = parsedJson;
  if (Array.isArray(value)) {
    throw invalid([{ field: "", code: "invalid_type", message: "the body must be a JSON object" }]);
  }
  const parsed = v.safeParse(FaceLivenessJsonSchema, value);
  const extra: RequestIssue[] = prototypeKey
    ? [{ field: "__proto__", code: "unknown_field", message: "__proto__ is not a known field" }]
    : [];
  if (!parsed.success || extra.length > 0) {
    throw invalid([...extra, ...(parsed.success ? [] : toRequestIssues(parsed.issues))]);
  }
  const { merchantBizId, merchantUserId, image, faceQualityCheck } = parsed.output;
  const picture: PictureSource =
    image.base64 !== undefined
      ? {
          kind: "base64",
          base64: image.base64,
          ...(lifted !== undefined && lifted.text === image.base64 ? { bytes: lifted.bytes } : {}),
        }
      : { kind: "url", url: image.url ?? "" };
  return {
    ...(merchantBizId === undefined ? {} : { merchantBizId }),
    merchantUserId,
    faceQualityCheck: faceQualityCheck ?? false,
    picture,
  };
}

async function parseMultipart(bytes: Uint8Array, boundary: string): Promise<FaceLivenessBody> {
  let parts: FormPart[];
  try {
    parts = parseMultipartForm(bytes, boundary, MAX_MULTIPART_PARTS);
  } catch (error) {
    if (error instanceof MultipartError && error.reason === "too_many_parts") {
      throw new ProxyError(
        400,
        "invalid_multipart",
        `The body has more than ${MAX_MULTIPART_PARTS} parts; send merchantUserId, image and the optional fields once each.`,
      );
    }
    throw new ProxyError(400, "invalid_multipart", "The body is not valid multipart/form-data.");
  }
  // Part names are the caller's: only known names become keys (so `__proto__` or `constructor` can
  // never reach an object's prototype); any other name is an issue of its own.
  const fields: Record<string, File | string> = Object.create(null) as Record<string, File | string>;
  const issues: RequestIssue[] = [];
  let pictureBytes: Uint8Array | undefined;
  for (const part of parts) {
    const field = part.name.slice(0, 80);
    if (!FORM_FIELDS.has(part.name)) {
      issues.push({ field, code: "unknown_field", message: `${field} is not a known field` });
    } else if (Object.hasOwn(fields, part.name)) {
      issues.push({ field, code: "duplicate_field", message: `${field} is sent more than once` });
    } else if (part.filename === undefined) {
      fields[part.name] = new TextDecoder().decode(part.body);
    } else {
      // A file is what the contract asks for; the picture itself is read from the body, where it lies.
      fields[part.name] = new File([part.body], part.filename, { type: part.contentType ?? "" });
      if (part.name === "image") pictureBytes = part.body;
    }
  }
  const parsed = v.safeParse(FaceLivenessFormSchema, { ...fields });
  if (!parsed.success || issues.length > 0 || pictureBytes === undefined) {
    throw invalid([...issues, ...(parsed.success ? [] : toRequestIssues(parsed.issues))]);
  }
  const { merchantBizId, merchantUserId, faceQualityCheck } = parsed.output;
  return {
    ...(merchantBizId === undefined ? {} : { merchantBizId }),
    merchantUserId,
    faceQualityCheck: faceQualityCheck === "true",
    picture: { kind: "file", bytes: pictureBytes },
  };
}

/** The most parts a multipart body may have: its four fields, with room for a client's extra empty part. */
const MAX_MULTIPART_PARTS = 8;

/** The names of the multipart fields, the only part names that become keys. */
const FORM_FIELDS: ReadonlySet<string> = new Set(Object.keys(FaceLivenessFormSchema.entries));

/** More issues than this are cut: a body of a thousand unknown fields gets a short answer. */
const MAX_ISSUES = 20;

function invalid(all: RequestIssue[]): ProxyError {
  const issues = all.slice(0, MAX_ISSUES);
  const summary = issues.map((issue) => issue.message).join("; ");
  const more = all.length > MAX_ISSUES ? ` (and ${all.length - MAX_ISSUES} more)` : "";
  return new ProxyError(400, "invalid_request", `The request is not valid: ${summary}${more}.`, {
    details: { issues },
  });
}
