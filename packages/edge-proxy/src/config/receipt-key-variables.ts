import type { ReceiptPublicJwk } from "@liveness-kit/core/receipt-issuer";
import * as v from "valibot";
import type { Problem } from "./variable.js";

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

/** The private EC P-256 JWK that signs receipts. */
export type ReceiptSigningJwk = v.InferOutput<typeof PrivateJwkSchema>;

/** The public `x` of the dev-only key committed in dev.vars. */
const DEV_RECEIPT_KEY_X = "BI4LeLwvgIphmnG6RSomHi_u4sOkeRMxmEsqBoz1_cI";

/** `RECEIPT_SIGNING_KEY`: a private EC P-256 JWK. The problem never quotes it. */
export function parseSigningKey(text: string | undefined, problem: Problem): ReceiptSigningJwk | undefined {
  if (text === undefined) return undefined;
  const parsed = v.safeParse(PrivateJwkSchema, jsonOrNull(text));
  if (parsed.success) return parsed.output;
  problem('expected a private JWK { "kty": "EC", "crv": "P-256", "x", "y", "d", "kid" }');
  return undefined;
}

/** `RECEIPT_PUBLIC_KEYS`: a JSON array of older public JWKs, each with its `kid` and never a `d`. */
export function parsePublishedKeys(text: string | undefined, problem: Problem): readonly ReceiptPublicJwk[] {
  const parsed = v.safeParse(v.array(PublicJwkSchema), text === undefined ? [] : jsonOrNull(text));
  if (parsed.success) return parsed.output;
  problem(
    'expected a JSON array of public JWKs [{ "kty": "EC", "crv": "P-256", "x", "y", "kid" }] (never "d")',
  );
  return [];
}

/** Whether `key` is the dev-only key of dev.vars, which anyone can sign with. */
export function isDevReceiptKey(key: ReceiptSigningJwk): boolean {
  return key.x === DEV_RECEIPT_KEY_X;
}

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
