import { MAX_IMAGE_URL_LENGTH } from "./request-limits.js";

/** Documentation of one field of the proxy's request body: shown in the OpenAPI document, hovers and the form. */
export interface RequestField {
  /** Where the field is in the JSON body. */
  readonly path: readonly string[];
  /** The JSON type, as a developer reads it. */
  readonly type: string;
  readonly required: boolean;
  /** One sentence: what it is and the rule it follows. */
  readonly summary: string;
  /** The message of a value that breaks the rule; it names the rule, never the value sent. */
  readonly rule: string;
}

/**
 * The fields of `POST /v1/face-liveness` (the JSON body; multipart sends the same names, the picture as
 * file `image`), which the proxy maps to FaceLivenessV2's MerchantBizId, MerchantUserId,
 * FacePictureBase64 / FacePictureUrl / FacePictureFile and FaceQualityCheck.
 */
export const REQUEST_FIELDS = {
  merchantBizId: {
    path: ["merchantBizId"],
    type: "string",
    required: false,
    summary:
      "Your id of this check (MerchantBizId): 1-32 letters and digits. Repeating one within 24 h returns the stored answer instead of a second billed call; the proxy generates one when absent. It belongs to the first caller that uses it: another caller gets 409 `merchant_biz_id_taken`.",
    rule: "merchantBizId must be 1-32 letters and digits (A-Z, a-z, 0-9)",
  },
  merchantUserId: {
    path: ["merchantUserId"],
    type: "string",
    required: true,
    summary:
      "The SHA-256 of your user id as 64 lower-case hex digits (MerchantUserId). Alibaba asks for a desensitised id; the playground hashes it in the browser and never sends the raw id.",
    rule: "merchantUserId must be the SHA-256 of the user id as 64 lower-case hex digits, never the id itself",
  },
  image: {
    path: ["image"],
    type: "object",
    required: true,
    summary: 'The face picture: exactly one of { "base64": ... } or { "url": "https://..." }.',
    rule: "image needs exactly one source: base64 or url (two give DataDuplication, none MissingParameter)",
  },
  "image.base64": {
    path: ["image", "base64"],
    type: "string",
    required: false,
    summary:
      "Standard base64 of a JPEG/PNG portrait (FacePictureBase64), 480-1080 px wide, 640-1920 px high, at most 1 MiB (over 0.6 MiB the proxy uploads it by file-stream mode).",
    rule: "image.base64 must be the base64 of a JPEG or PNG image",
  },
  "image.url": {
    path: ["image", "url"],
    type: "string",
    required: false,
    summary:
      "A publicly reachable https:// URL of a JPEG or PNG (FacePictureUrl); Alibaba downloads it, so private hosts, IP literals, ports other than the default and credentials in the URL are refused.",
    rule: `image.url must be an https URL of at most ${MAX_IMAGE_URL_LENGTH} characters`,
  },
  faceQualityCheck: {
    path: ["faceQualityCheck"],
    type: "boolean",
    required: false,
    summary:
      "With true (FaceQualityCheck=Y) Alibaba rejects low-quality photos with UnqualifiedPhoto instead of scoring them. Default false.",
    rule: "faceQualityCheck must be true or false",
  },
} as const satisfies Readonly<Record<string, RequestField>>;

/** The dotted path of a request field, e.g. `image.url`. */
export type RequestFieldName = keyof typeof REQUEST_FIELDS;

const FIELDS: Readonly<Record<string, RequestField>> = REQUEST_FIELDS;

/** The documentation of the field at `path`, if the path is one of the request's fields. */
export function requestFieldAt(path: readonly (string | number)[]): RequestField | undefined {
  return FIELDS[path.join(".")];
}

/** The names of the fields an object at `path` may hold (top level or `image`). */
export function requestFieldNames(path: readonly (string | number)[]): string[] {
  const prefix = path.join(".");
  return Object.values(FIELDS)
    .filter((field) => field.path.slice(0, -1).join(".") === prefix)
    .map((field) => field.path.at(-1)!);
}
