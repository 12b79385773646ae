/** The JWS `typ` of a liveness receipt: a verifier refuses any other, so no other JWT of the issuer passes. */
export const RECEIPT_TYPE = "liveness-receipt+jwt";

/** The signature algorithms a receipt may use. ES256 (ECDSA P-256, SHA-256) is in WebCrypto everywhere. */
export type ReceiptAlgorithm = "ES256";

/** The face scores the proxy answered, as they were (see the proxy's OpenAPI document). */
export type ReceiptFaceScores = Readonly<Record<string, unknown>>;

/**
 * What a liveness receipt says: who issued it for whom (`iss`, `aud`), for which caller (`sub`), when
 * (`iat`, `exp`, seconds since the epoch), its id (`jti`), and the decision Alibaba made for one
 * `merchantBizId`. It never holds a raw user id or image data: `merchantUserId` is the hash the app sent,
 * `imageSha256` the hex SHA-256 of the picture's bytes (`imageUrlSha256` of its URL in URL mode).
 */
export interface LivenessReceiptClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
  readonly merchantBizId: string;
  readonly merchantUserId: string;
  readonly transactionId: string;
  /** True for Alibaba's SubCode 200 (a live person), false for 205 (not live). */
  readonly passed: boolean;
  readonly subCode: string;
  readonly region: string;
  readonly imageSha256?: string;
  readonly imageUrlSha256?: string;
  readonly face?: ReceiptFaceScores;
}

/** A public key as a JWKS publishes it (RFC 7517): an EC P-256 key with its `kid`. */
export interface ReceiptPublicJwk {
  readonly kty?: string;
  readonly crv?: string;
  readonly x?: string;
  readonly y?: string;
  readonly kid?: string;
  readonly alg?: string;
  readonly use?: string;
  readonly [member: string]: unknown;
}

/** A JSON Web Key Set, as served at the issuer's `/.well-known/jwks.json`. */
export interface ReceiptJwks {
  readonly keys: readonly ReceiptPublicJwk[];
}

/** Why a receipt was refused. `jwks_unavailable` comes only from `createReceiptVerifier`. */
export type ReceiptFailureReason =
  | "malformed"
  | "unsupported_alg"
  | "wrong_type"
  | "unknown_key"
  | "bad_signature"
  | "expired"
  | "not_yet_valid"
  | "wrong_issuer"
  | "wrong_audience"
  | "jwks_unavailable";

/** The outcome of verifying a receipt: its claims, or why it was refused. */
export type LivenessReceiptResult =
  | { readonly ok: true; readonly claims: LivenessReceiptClaims }
  | { readonly ok: false; readonly reason: ReceiptFailureReason };
