import {
  generateReceiptKeyPair,
  importReceiptSigningKey,
  type LivenessReceiptClaims,
  signLivenessReceipt,
} from "@liveness-kit/core/receipt-issuer";

/** Claims as the proxy signs them for an answer, at `now` (seconds), living 10 minutes. */
export function receiptClaims(
  now: number,
  overrides: Partial<LivenessReceiptClaims> = {},
): LivenessReceiptClaims {
  return {
    iss: "http://127.0.0.1:8787",
    sub: "dev",
    aud: "liveness-app",
    iat: now,
    exp: now + 600,
    jti: "j-1",
    merchantBizId: "biz1",
    merchantUserId: "e".repeat(64),
    transactionId: "t1",
    passed: true,
    subCode: "200",
    region: "ap-southeast-1",
    imageSha256: "a".repeat(64),
    face: { qualityScore: 88.6, attack: false },
    ...overrides,
  };
}

/** A fresh key pair and a signer for it, the way the proxy signs (core's receipt-issuer). */
export async function testSigner() {
  const { privateJwk, publicJwk } = await generateReceiptKeyPair();
  const key = await importReceiptSigningKey(privateJwk);
  return {
    jwks: { keys: [publicJwk] },
    kid: publicJwk.kid as string,
    sign: (claims: LivenessReceiptClaims) => signLivenessReceipt(claims, key),
  };
}

/** The receipt with one claim changed and the signature kept: what a tampered receipt looks like. */
export function tamper(receipt: string, patch: Record<string, unknown>): string {
  const [header, body = "", signature] = receipt.split(".");
  const claims = JSON.parse(atob(body.replaceAll("-", "+").replaceAll("_", "/")));
  const changed = btoa(JSON.stringify({ ...claims, ...patch }))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
  return `${header}.${changed}.${signature}`;
}
