import type { SnippetInput } from "./snippet-input.js";
import { verifyTarget } from "./verify-target.js";

/** Verifying the receipt on the app's server with core's `createReceiptVerifier` (`verify.mjs`, Node or Workers). */
export function verifyCoreSnippet(input: SnippetInput): string {
  const target = verifyTarget(input);
  return [
    "// verify.mjs: check a liveness receipt on your server with core (Node 20+, Deno, Bun; in a Worker, keep",
    "// the verifier at module scope and run the checks in your fetch handler).",
    "// Run: node verify.mjs   (npm i @liveness-kit/core)",
    'import { createReceiptVerifier } from "@liveness-kit/core/receipt";',
    "",
    "// Once per process: it caches the proxy's key set and fetches it again when a rotated key appears.",
    "const receipts = createReceiptVerifier({",
    `  jwksUrl: ${JSON.stringify(target.jwksUrl)},`,
    `  issuer: ${JSON.stringify(target.issuer)},`,
    `  audience: ${JSON.stringify(target.audience)}, // the proxy's RECEIPT_AUDIENCE`,
    "});",
    "",
    "// What your server knows about this user's pending check (never what the browser claims).",
    `const expected = { merchantBizId: ${JSON.stringify(target.expected.merchantBizId)}, merchantUserId: ${JSON.stringify(target.expected.merchantUserId)} };`,
    ...(target.receipt
      ? [
          "// The receipt of the answer on screen; in your app, the browser posts it with its form.",
          `const receipt = ${JSON.stringify(target.receipt)};`,
        ]
      : [
          "// No receipt on screen: send a request first, or pass one: node verify.mjs <receipt>",
          "const receipt = process.argv[2];",
        ]),
    "",
    "const result = await receipts.verify(receipt);",
    "if (!result.ok) {",
    '  console.error("refused:", result.reason); // bad_signature, expired, unknown_key, ...',
    "  process.exit(1);",
    "}",
    "const { claims } = result;",
    "if (claims.merchantBizId !== expected.merchantBizId || claims.merchantUserId !== expected.merchantUserId) {",
    '  console.error("refused: not this user\'s check");',
    "  process.exit(1);",
    "}",
    "// Then: accept each merchantBizId (or jti) once, and act on claims.passed.",
    'console.log(claims.passed ? "Verified: passed" : "Verified: not passed", JSON.stringify(claims));',
    "",
  ].join("\n");
}
