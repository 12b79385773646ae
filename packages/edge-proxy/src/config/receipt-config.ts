import type { ReceiptPublicJwk } from "@liveness-kit/core/receipt-issuer";
import * as v from "valibot";

/** How the proxy signs receipts (see README.md, "Receipts"). */
export interface ReceiptConfig {
  /** The private JWK that signs (`RECEIPT_SIGNING_KEY`); imported once per configuration. */
  signingKey: v.InferOutput<typeof PrivateJwkSchema>;
  /** Older public keys still published at `/.well-known/jwks.json` (`RECEIPT_PUBLIC_KEYS`), for rotation. */
  publishedKeys: readonly ReceiptPublicJwk[];
  /** `iss`; `undefined`: the origin the proxy is called on. */
  issuer?: string;
  audience: string;
  ttlSeconds: number;
}

/** The longest life of a receipt: it proves one past decision, so it should be used at once. */
export const MAX_RECEIPT_TTL_SECONDS = 3_600;
export const DEFAULT_RECEIPT_TTL_SECONDS = 600;
export const DEFAULT_RECEIPT_AUDIENCE = "liveness-app";
/** The public `x` of the dev-only key committed in dev.vars. */
const DEV_RECEIPT_KEY_X = "BI4LeLwvgIphmnG6RSomHi_u4sOkeRMxmEsqBoz1_cI";

const Coordinate = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/));
const Kid = v.pipe(v.string(), v.regex(/^[\x21-\x7e]{1,128}$/));
const PrivateJwkSchema = v.object({
  kty: v.literal("EC"),
  crv: v.literal("P-256"),
  x: Coordinate,
  y: Coordinate,
  d: Coordinate,
  kid: v.optional(Kid),
  alg: v.optional(v.literal("ES256")),
  use: v.optional(v.literal("sig")),
});
// A published key must not carry `d`: a private key pasted into the public list would be served to anyone.
const PublicJwkSchema = v.strictObject({
  kty: v.literal("EC"),
  crv: v.literal("P-256"),
  x: Coordinate,
  y: Coordinate,
  kid: Kid,
  alg: v.optional(v.literal("ES256")),
  use: v.optional(v.literal("sig")),
});

/**
 * Reads the receipt settings from the Worker's variables, adding a problem (a name and a reason, never a
 * value) for anything wrong. Every decided answer carries a receipt, so a deployment without a signing key
 * does not start: it would answer decisions the app's server cannot trust.
 */
export function readReceiptConfig(
  text: (name: string) => string | undefined,
  number: (name: string, fallback: number, limits: { min: number; max: number; integer?: boolean }) => number,
  problems: string[],
  emulatedUpstream: boolean,
): ReceiptConfig {
  const signingKey = parseJson(text("RECEIPT_SIGNING_KEY"));
  const parsedKey = v.safeParse(PrivateJwkSchema, signingKey);
  if (signingKey === undefined) {
    problems.push(
      "RECEIPT_SIGNING_KEY: required (a private EC P-256 JWK; make one with `pnpm --filter @liveness-kit/edge-proxy receipt-key`)",
    );
  } else if (!parsedKey.success) {
    problems.push(
      'RECEIPT_SIGNING_KEY: expected a private JWK { "kty": "EC", "crv": "P-256", "x", "y", "d", "kid" }',
    );
  }
  // The dev key is published in the repository: receipts it signs for real decisions would prove nothing.
  if (parsedKey.success && parsedKey.output.x === DEV_RECEIPT_KEY_X && !emulatedUpstream) {
    problems.push(
      "RECEIPT_SIGNING_KEY: the dev-only key of dev.vars cannot sign for Alibaba; make a key with receipt-key",
    );
  }
  const published = parseJson(text("RECEIPT_PUBLIC_KEYS"));
  const parsedPublished = v.safeParse(v.array(PublicJwkSchema), published ?? []);
  if (!parsedPublished.success) {
    problems.push(
      'RECEIPT_PUBLIC_KEYS: expected a JSON array of public JWKs [{ "kty": "EC", "crv": "P-256", "x", "y", "kid" }] (never "d")',
    );
  }
  const issuer = text("RECEIPT_ISSUER");
  if (issuer !== undefined && issuer.length > 256) problems.push("RECEIPT_ISSUER: at most 256 characters");
  const audience = text("RECEIPT_AUDIENCE") ?? DEFAULT_RECEIPT_AUDIENCE;
  if (audience.length > 256) problems.push("RECEIPT_AUDIENCE: at most 256 characters");
  const ttlSeconds = number("RECEIPT_TTL_SECONDS", DEFAULT_RECEIPT_TTL_SECONDS, {
    min: 10,
    max: MAX_RECEIPT_TTL_SECONDS,
    integer: true,
  });
  const placeholder = { kty: "EC", crv: "P-256", x: "", y: "", d: "" } as const;
  return {
    signingKey: parsedKey.success ? parsedKey.output : placeholder,
    publishedKeys: parsedPublished.success ? parsedPublished.output : [],
    ...(issuer === undefined ? {} : { issuer }),
    audience,
    ttlSeconds,
  };

  function parseJson(value: string | undefined): unknown {
    if (value === undefined) return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return null;
    }
  }
}
