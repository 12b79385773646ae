#!/usr/bin/env node
// Makes an ES256 key pair for signing a deployment's liveness receipts and prints what to do with it:
// the `wrangler secret put` line for the private key, and the public key for RECEIPT_PUBLIC_KEYS when
// this key is later rotated out. Run after `pnpm build` (it uses core's built receipt issuer):
//   pnpm --filter @liveness-kit/edge-proxy receipt-key [--kid <id>] [--json]
import { generateReceiptKeyPair } from "@liveness-kit/core/receipt-issuer";

const args = process.argv.slice(2);
const kidAt = args.indexOf("--kid");
const kid = kidAt === -1 ? undefined : args[kidAt + 1];
if (kidAt !== -1 && (kid === undefined || !/^[\x21-\x7e]{1,128}$/.test(kid) || kid.includes("'"))) {
  console.error("--kid needs 1 to 128 printable ASCII characters (no quote), e.g. --kid 2026-12");
  process.exit(2);
}

const pair = await generateReceiptKeyPair();
const privateJwk = kid === undefined ? pair.privateJwk : { ...pair.privateJwk, kid };
const publicJwk = kid === undefined ? pair.publicJwk : { ...pair.publicJwk, kid };

if (args.includes("--json")) {
  console.log(JSON.stringify({ privateJwk, publicJwk }));
} else {
  console.log(`A new receipt signing key (kid ${privateJwk.kid}).

1. Store the private key as the Worker secret RECEIPT_SIGNING_KEY (it is printed only here; keep no copy).
   Either run this line (with HISTCONTROL=ignorespace, bash keeps no history of a line starting with a space):

 echo '${JSON.stringify(privateJwk)}' | npx wrangler secret put RECEIPT_SIGNING_KEY

   or run \`npx wrangler secret put RECEIPT_SIGNING_KEY\` and paste the JSON between the quotes at its prompt.

2. Its public key, for RECEIPT_PUBLIC_KEYS once you rotate to a newer key (see the README, "Rotating the key"):

${JSON.stringify(publicJwk)}`);
}
