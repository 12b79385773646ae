import { bodyLiteral } from "./body-literal.js";
import { DEV_CALLER_KEY, endpoint, type SnippetInput } from "./snippet-input.js";

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
    `const response = await fetch(${JSON.stringify(endpoint(proxyUrl))}, {`,
    '  method: "POST",',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: generated JavaScript with a template literal
    '  headers: { Authorization: `Bearer ${callerKey}`, "Content-Type": "application/json" },',
    `  body: JSON.stringify(${bodyLiteral(draft, "image", "  ")}),`,
    "  signal: AbortSignal.timeout(20_000),",
    "});",
    "const answer = await response.json();",
    "if (!response.ok) {",
    "  // The proxy's error: { code, message, requestId, retryable, hint? }.",
    "  console.error(",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: generated JavaScript with a template literal
    '    `HTTP ${response.status} ${answer.code}: ${answer.message}${answer.hint ? ` ${answer.hint}` : ""} (requestId ${answer.requestId})`,',
    "  );",
    "  process.exit(1);",
    "}",
    'console.log(answer.passed ? "Passed" : "Not passed", answer.subCode, answer.face);',
    "",
  ].join("\n");
}
