import { fetchAndPrintLines } from "./fetch-and-print.js";
import { DEV_CALLER_KEY, type SnippetInput } from "./snippet-input.js";

/** Plain `fetch` in an ES module (`send.mjs`, Node 20+): no dependency; prints the proxy's JSON error. */
export function fetchSnippet({ proxyUrl, callerKey, draft }: SnippetInput): string {
  const usesFile = draft.imageSource === "base64";
  return [
    "// Run: node send.mjs",
    ...(usesFile ? ['import { readFile } from "node:fs/promises";', ""] : []),
    callerKey === DEV_CALLER_KEY
      ? `const callerKey = process.env.LIVENESS_CALLER_KEY ?? ${JSON.stringify(DEV_CALLER_KEY)};`
      : "const callerKey = process.env.LIVENESS_CALLER_KEY; // your caller key",
    ...(usesFile
      ? [
          "// The image is elided: face.jpg is your portrait JPEG or PNG (at most 600 KB, shorter side 720 px).",
          'const image = (await readFile("face.jpg")).toString("base64");',
        ]
      : []),
    ...fetchAndPrintLines(proxyUrl, draft),
  ].join("\n");
}
