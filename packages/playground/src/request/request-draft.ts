import type { FaceLivenessJson } from "@liveness-kit/contract";

/** The value written in place of the image's base64 in the request JSON; the picked image replaces it on send. */
export const IMAGE_PLACEHOLDER = "<image>";

/** Where the picture comes from: the picked (compressed) image as base64, or a URL Alibaba downloads. */
export type ImageSource = "base64" | "url";

/** The request being edited, shared by the form and the JSON editor. Never holds the raw user id or image bytes. */
export interface RequestDraft {
  /** MerchantBizId; empty means "let the proxy generate one". */
  readonly merchantBizId: string;
  /** SHA-256 hex of the user id, or empty until one is typed. */
  readonly merchantUserId: string;
  readonly imageSource: ImageSource;
  /** The URL for `imageSource: "url"` (kept while switching sources, so nothing typed is lost). */
  readonly imageUrl: string;
  readonly faceQualityCheck: boolean;
}

/** The JSON body the proxy receives (the contract's), with the image as a placeholder or as real base64. */
export type ProxyRequestBody = FaceLivenessJson;

/** The body for a draft; `base64` replaces the placeholder when given (at send time). */
export function draftToBody(draft: RequestDraft, base64: string = IMAGE_PLACEHOLDER): ProxyRequestBody {
  return {
    ...(draft.merchantBizId ? { merchantBizId: draft.merchantBizId } : {}),
    merchantUserId: draft.merchantUserId,
    image: draft.imageSource === "url" ? { url: draft.imageUrl } : { base64 },
    faceQualityCheck: draft.faceQualityCheck,
  };
}

/** The text the JSON editor shows for a draft. */
export function formatDraft(draft: RequestDraft): string {
  return `${JSON.stringify(draftToBody(draft), null, 2)}\n`;
}

/**
 * Reads a draft back from an edited JSON value, field by field: a field of the right type is taken, anything
 * else keeps its previous value (the editor's lint reports what is wrong). Returns the previous draft itself
 * when nothing changed, so callers can skip re-rendering.
 */
export function draftFromValue(value: unknown, previous: RequestDraft): RequestDraft {
  if (!isRecord(value)) return previous;
  const next: { -readonly [K in keyof RequestDraft]: RequestDraft[K] } = { ...previous };
  if (typeof value.merchantBizId === "string") next.merchantBizId = value.merchantBizId;
  else if (!("merchantBizId" in value)) next.merchantBizId = "";
  if (typeof value.merchantUserId === "string") next.merchantUserId = value.merchantUserId;
  if (typeof value.faceQualityCheck === "boolean") next.faceQualityCheck = value.faceQualityCheck;
  else if (!("faceQualityCheck" in value)) next.faceQualityCheck = false;
  if (isRecord(value.image)) {
    const hasUrl = typeof value.image.url === "string";
    const hasBase64 = typeof value.image.base64 === "string";
    if (hasUrl && !hasBase64) {
      next.imageSource = "url";
      next.imageUrl = value.image.url as string;
    } else if (hasBase64 && !hasUrl) {
      next.imageSource = "base64";
    }
  }
  const same = (Object.keys(next) as (keyof RequestDraft)[]).every((key) => next[key] === previous[key]);
  return same ? previous : next;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
