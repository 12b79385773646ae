/** Documentation of one field of the proxy's request body, shown in hovers, completions and the form. */
export interface RequestField {
  /** Where the field is in the JSON body. */
  readonly path: readonly string[];
  /** The JSON type, as a developer reads it. */
  readonly type: string;
  readonly required: boolean;
  /** One sentence: what it is and the rule it follows. */
  readonly summary: string;
}

/**
 * The fields of `POST /v1/face-liveness` (the liveness-kit proxy's JSON body), which maps them to
 * FaceLivenessV2's MerchantBizId, MerchantUserId, FacePictureBase64 / FacePictureUrl and FaceQualityCheck.
 */
export const REQUEST_FIELDS: Readonly<Record<string, RequestField>> = {
  merchantBizId: {
    path: ["merchantBizId"],
    type: "string",
    required: false,
    summary:
      "Your id of this check (MerchantBizId): 1-32 letters and digits. Repeating one within 24 h returns the stored answer instead of a second billed call; the proxy generates one when absent.",
  },
  merchantUserId: {
    path: ["merchantUserId"],
    type: "string",
    required: true,
    summary:
      "The SHA-256 of your user id as 64 lower-case hex digits (MerchantUserId). Alibaba asks for a desensitised id; the playground hashes it in the browser and never sends the raw id.",
  },
  image: {
    path: ["image"],
    type: "object",
    required: true,
    summary: 'The face picture: exactly one of { "base64": ... } or { "url": "https://..." }.',
  },
  "image.base64": {
    path: ["image", "base64"],
    type: "string",
    required: false,
    summary:
      'The picked image, base64-encoded when sent (FacePictureBase64). Write "<image>" here: the playground puts the compressed image in its place, so the editor never holds megabytes of base64.',
  },
  "image.url": {
    path: ["image", "url"],
    type: "string",
    required: false,
    summary:
      "A publicly reachable https:// URL of a JPEG or PNG (FacePictureUrl); Alibaba downloads it, so private hosts, IP literals and credentials in the URL are refused.",
  },
  faceQualityCheck: {
    path: ["faceQualityCheck"],
    type: "boolean",
    required: false,
    summary:
      "With true (FaceQualityCheck=Y) Alibaba rejects low-quality photos with UnqualifiedPhoto instead of scoring them. Default false.",
  },
};

/** The documentation of the field at `path`, if the path is one of the request's fields. */
export function requestFieldAt(path: readonly (string | number)[]): RequestField | undefined {
  return REQUEST_FIELDS[path.join(".")];
}

/** The names of the fields an object at `path` may hold (top level or `image`). */
export function requestFieldNames(path: readonly (string | number)[]): string[] {
  const prefix = path.join(".");
  return Object.values(REQUEST_FIELDS)
    .filter((field) => field.path.slice(0, -1).join(".") === prefix)
    .map((field) => field.path.at(-1)!);
}
