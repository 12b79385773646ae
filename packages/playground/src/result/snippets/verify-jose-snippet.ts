import type { SnippetInput } from "./snippet-input.js";
import { verifyTarget } from "./verify-target.js";

/** Verifying the receipt with jose, the standard JOSE library, and nothing of liveness-kit (`verify-jose.mjs`). */
export function verifyJoseSnippet(input: SnippetInput): string {
  const target = verifyTarget(input);
  return [
    "// verify-jose.mjs: check a liveness receipt with jose, a standard JOSE library (Node, Deno, Bun, Workers).",
    "// Run: node verify-jose.mjs   (npm i jose)",
    'import { createRemoteJWKSet, jwtVerify } from "jose";',
    "",
    "// Once per process: fetches the proxy's key set, caches it, refetches on an unknown kid.",
    `const keys = createRemoteJWKSet(new URL(${JSON.stringify(target.jwksUrl)}));`,
    `const expected = { merchantBizId: ${JSON.stringify(target.expected.merchantBizId)}, merchantUserId: ${JSON.stringify(target.expected.merchantUserId)} };`,
    ...(target.receipt
      ? ["// The receipt of the answer on screen.", `const receipt = ${JSON.stringify(target.receipt)};`]
      : [
          "// No receipt on screen: pass one: node verify-jose.mjs <receipt>",
          "const receipt = process.argv[2];",
        ]),
    "",
    "try {",
    "  const { payload } = await jwtVerify(receipt, keys, {",
    `    issuer: ${JSON.stringify(target.issuer)},`,
    `    audience: ${JSON.stringify(target.audience)},`,
    '    algorithms: ["ES256"], // pinned: never "none", never an HMAC',
    '    typ: "liveness-receipt+jwt",',
    '    requiredClaims: ["exp", "iat", "jti"],',
    "  });",
    "  if (payload.merchantBizId !== expected.merchantBizId || payload.merchantUserId !== expected.merchantUserId)",
    '    throw new Error("not this user\'s check");',
    '  console.log(payload.passed ? "Verified: passed" : "Verified: not passed", JSON.stringify(payload));',
    "} catch (error) {",
    '  console.error("refused:", error.code ?? error.message); // e.g. ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    "  process.exit(1);",
    "}",
    "",
  ].join("\n");
}
