import type { ReceiptPublicJwk } from "@liveness-kit/core/receipt-issuer";
import type { VariableValues } from "./read-variables.js";
import { isDevReceiptKey, type ReceiptSigningJwk } from "./receipt-key-variables.js";

/** How the proxy signs receipts (see README.md, "Receipts"). */
export interface ReceiptConfig {
  /** The private JWK that signs (`RECEIPT_SIGNING_KEY`); imported once per configuration. */
  signingKey: ReceiptSigningJwk;
  /** Older public keys still published at `/.well-known/jwks.json` (`RECEIPT_PUBLIC_KEYS`), for rotation. */
  publishedKeys: readonly ReceiptPublicJwk[];
  /** `iss`; `undefined`: the origin the proxy is called on. */
  issuer?: string;
  audience: string;
  ttlSeconds: number;
}

/**
 * The receipt settings out of the variables. Every decided answer carries a receipt, so a deployment without
 * a signing key does not start (the table makes `RECEIPT_SIGNING_KEY` required): it would answer decisions the
 * app's server cannot trust. Adds a problem when the dev-only key would sign for Alibaba.
 */
export function receiptConfigOf(
  values: VariableValues,
  emulatedUpstream: boolean,
  problems: string[],
): ReceiptConfig {
  const signingKey = values.RECEIPT_SIGNING_KEY;
  // The dev key is published in the repository: receipts it signs for real decisions would prove nothing.
  if (signingKey !== undefined && isDevReceiptKey(signingKey) && !emulatedUpstream) {
    problems.push(
      "RECEIPT_SIGNING_KEY: the dev-only key of dev.vars cannot sign for Alibaba; make a key with receipt-key",
    );
  }
  const issuer = values.RECEIPT_ISSUER;
  return {
    // Without a key there is a problem already, so this placeholder never signs: the proxy does not start.
    signingKey: signingKey ?? { kty: "EC", crv: "P-256", x: "", y: "", d: "" },
    publishedKeys: values.RECEIPT_PUBLIC_KEYS,
    ...(issuer === undefined ? {} : { issuer }),
    audience: values.RECEIPT_AUDIENCE,
    ttlSeconds: values.RECEIPT_TTL_SECONDS,
  };
}
