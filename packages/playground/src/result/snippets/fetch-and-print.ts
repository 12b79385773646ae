import type { RequestDraft } from "../../request/request-draft.js";
import { bodyLiteral } from "./body-literal.js";
import { endpoint } from "./snippet-input.js";

/**
 * The lines of a Node snippet that POST the draft as JSON with `fetch` (the base64 picture in `image`, the
 * caller key in `callerKey`), then print the answer or the proxy's JSON error and exit 1.
 */
export function fetchAndPrintLines(proxyUrl: string, draft: RequestDraft): string[] {
  return [
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
  ];
}
