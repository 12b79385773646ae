import { DEV_CALLER_KEY, type SnippetInput } from "./snippet-input.js";

/** The command that runs the TypeScript snippet on Node 20, which cannot run `.ts` files itself. */
export const CORE_RUN =
  "npx esbuild send.ts --platform=node --format=esm --outfile=send.mjs --log-level=warning && node send.mjs";

/** TypeScript with core's proxy client (`send.ts`), with the command that runs it on Node 20. */
export function coreSnippet({ proxyUrl, callerKey, draft }: SnippetInput): string {
  const token =
    callerKey === DEV_CALLER_KEY
      ? `process.env.LIVENESS_CALLER_KEY ?? ${JSON.stringify(DEV_CALLER_KEY)}`
      : "process.env.LIVENESS_CALLER_KEY!";
  const picture =
    draft.imageSource === "base64"
      ? '  facePictureBase64: bytesToBase64(await readFile("face.jpg")), // the image, elided: your portrait JPEG/PNG'
      : `  facePictureUrl: ${JSON.stringify(draft.imageUrl)},`;
  return [
    "// send.ts. Node 20 does not run TypeScript: compile it with esbuild, then run it",
    "// (npm i @liveness-kit/core esbuild; Node 22.18+ runs `node send.ts` directly).",
    `// Run: ${CORE_RUN}`,
    ...(draft.imageSource === "base64" ? ['import { readFile } from "node:fs/promises";'] : []),
    `import { ${draft.imageSource === "base64" ? "bytesToBase64, " : ""}createLivenessClient } from "@liveness-kit/core";`,
    "",
    "const client = createLivenessClient({",
    '  mode: "proxy",',
    `  baseUrl: ${JSON.stringify(proxyUrl.replace(/\/+$/, ""))},`,
    `  token: ${token},`,
    "});",
    "",
    "const result = await client.faceLiveness({",
    ...(draft.merchantBizId ? [`  merchantBizId: ${JSON.stringify(draft.merchantBizId)},`] : []),
    `  merchantUserId: ${JSON.stringify(draft.merchantUserId)}, // SHA-256 hex of your user id`,
    picture,
    `  faceQualityCheck: ${draft.faceQualityCheck},`,
    "});",
    'console.log(result.passed ? "Passed" : "Not passed", result.subCode, result.face);',
    "",
  ].join("\n");
}
