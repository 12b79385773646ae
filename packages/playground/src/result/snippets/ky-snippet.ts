import { bodyLiteral } from "./body-literal.js";
import { DEV_CALLER_KEY, endpoint, type SnippetInput } from "./snippet-input.js";

const RETRY_OPTIONS =
  '{ limit: 2, methods: ["post"], statusCodes: [429, 500, 502, 503, 504], afterStatusCodes: [429, 503] }';

/**
 * ky with the playground's retry policy (`send-ky.mjs`). An error answer is read from ky's `error.data` (the
 * proxy's JSON error), not left as a bare `HTTPError 422`.
 */
export function kySnippet({ proxyUrl, callerKey, draft }: SnippetInput): string {
  const usesFile = draft.imageSource === "base64";
  return [
    "// Run: node send-ky.mjs   (npm i ky; in a browser, take the base64 of the compressed File instead)",
    ...(usesFile ? ['import { readFile } from "node:fs/promises";'] : []),
    'import ky, { HTTPError } from "ky";',
    "",
    callerKey === DEV_CALLER_KEY
      ? `const callerKey = process.env.LIVENESS_CALLER_KEY ?? ${JSON.stringify(DEV_CALLER_KEY)};`
      : "const callerKey = process.env.LIVENESS_CALLER_KEY; // your caller key, or a short-lived token",
    ...(usesFile
      ? [
          "// The image is elided: face.jpg is your portrait JPEG or PNG (at most 600 KB, shorter side 720 px).",
          'const base64 = (await readFile("face.jpg")).toString("base64");',
        ]
      : []),
    "try {",
    "  const result = await ky",
    `    .post(${JSON.stringify(endpoint(proxyUrl))}, {`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: generated JavaScript with a template literal
    "      headers: { Authorization: `Bearer ${callerKey}` },",
    `      json: ${bodyLiteral(draft, "base64", "      ")},`,
    "      timeout: 20_000,",
    `      retry: ${RETRY_OPTIONS},`,
    "    })",
    "    .json();",
    '  console.log(result.passed ? "Passed" : "Not passed", result.subCode, result.face);',
    "} catch (error) {",
    "  if (!(error instanceof HTTPError)) throw error;",
    "  // ky has read the proxy's JSON error into error.data: { code, message, requestId, retryable, hint? }.",
    "  const { code, message, hint, requestId } = error.data ?? {};",
    "  console.error(",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: generated JavaScript with a template literal
    '    `HTTP ${error.response.status} ${code}: ${message}${hint ? ` ${hint}` : ""} (requestId ${requestId})`,',
    "  );",
    "  process.exitCode = 1;",
    "}",
    "",
  ].join("\n");
}
