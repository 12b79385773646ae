import { draftToBody, type RequestDraft } from "../request/request-draft.js";

/** The caller key of the local stack: public, so snippets may spell it out; any other key stays in an env var. */
export const DEV_CALLER_KEY = "dev-caller-key";

/** What a snippet is generated from: the request being edited and where it goes. Never image bytes. */
export interface SnippetInput {
  readonly proxyUrl: string;
  readonly callerKey: string;
  readonly draft: RequestDraft;
}

/** The three snippets the Code tab offers. */
export interface CodeSnippets {
  readonly curl: string;
  readonly typescript: string;
  readonly ky: string;
}

const RETRY_OPTIONS =
  '{ limit: 2, methods: ["post"], statusCodes: [429, 500, 502, 503, 504], afterStatusCodes: [429, 503] }';

/**
 * Working code for the current request with the image elided (read from a file at run time) and the caller
 * key spelled out only when it is the public dev key.
 */
export function generateSnippets(input: SnippetInput): CodeSnippets {
  return { curl: curlSnippet(input), typescript: coreSnippet(input), ky: kySnippet(input) };
}

function endpoint(proxyUrl: string): string {
  return `${proxyUrl.replace(/\/+$/, "")}/v1/face-liveness`;
}

/** Single-quotes a word for POSIX shells. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function curlSnippet({ proxyUrl, callerKey, draft }: SnippetInput): string {
  const usesFile = draft.imageSource === "base64";
  const auth =
    callerKey === DEV_CALLER_KEY
      ? `  -H ${shellQuote(`Authorization: Bearer ${DEV_CALLER_KEY}`)} \\`
      : '  -H "Authorization: Bearer $LIVENESS_CALLER_KEY" \\';
  const lines: string[] = [];
  if (callerKey !== DEV_CALLER_KEY) lines.push("# export LIVENESS_CALLER_KEY=... (your caller key)");
  if (usesFile) {
    const marker = "@@IMAGE@@";
    const json = JSON.stringify(draftToBody(draft, marker));
    // Unquoted heredoc so $IMAGE_BASE64 expands: escape what the shell would otherwise interpret.
    const body = json.replace(/[\\$`]/g, "\\$&").replace(marker, "$IMAGE_BASE64");
    lines.push(
      "# The image is elided: face.jpg is your portrait JPEG or PNG (at most 600 KB, shorter side 720 px).",
      "IMAGE_BASE64=$(base64 < face.jpg | tr -d '\\n')",
      `curl -sS -X POST ${shellQuote(endpoint(proxyUrl))} \\`,
      auth,
      "  -H 'Content-Type: application/json' \\",
      "  --data-binary @- <<JSON",
      body,
      "JSON",
    );
  } else {
    lines.push(
      `curl -sS -X POST ${shellQuote(endpoint(proxyUrl))} \\`,
      auth,
      "  -H 'Content-Type: application/json' \\",
      // Quoted heredoc: the body goes to curl byte for byte, whatever the URL holds.
      "  --data-binary @- <<'JSON'",
      JSON.stringify(draftToBody(draft)),
      "JSON",
    );
  }
  return `${lines.join("\n")}\n`;
}

function coreSnippet({ proxyUrl, callerKey, draft }: SnippetInput): string {
  const token =
    callerKey === DEV_CALLER_KEY
      ? `process.env.LIVENESS_CALLER_KEY ?? ${JSON.stringify(DEV_CALLER_KEY)}`
      : "process.env.LIVENESS_CALLER_KEY!";
  const picture =
    draft.imageSource === "base64"
      ? '  facePictureBase64: bytesToBase64(await readFile("face.jpg")), // the image, elided: your portrait JPEG/PNG'
      : `  facePictureUrl: ${JSON.stringify(draft.imageUrl)},`;
  return [
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

function kySnippet({ proxyUrl, callerKey, draft }: SnippetInput): string {
  const marker = `@@IMAGE${Math.random().toString(36).slice(2)}@@`;
  const json = JSON.stringify(draftToBody(draft, marker), null, 2)
    .replace(JSON.stringify(marker), "base64")
    .replaceAll("\n", "\n    ");
  const authorization =
    callerKey === DEV_CALLER_KEY
      ? JSON.stringify(`Bearer ${DEV_CALLER_KEY}`)
      : // biome-ignore lint/suspicious/noTemplateCurlyInString: this is generated TypeScript source, a template literal on purpose
        "`Bearer ${callerKey}`";
  return [
    'import ky from "ky";',
    ...(draft.imageSource === "base64"
      ? ['import { bytesToBase64 } from "@liveness-kit/core/image";', ""]
      : [""]),
    ...(callerKey === DEV_CALLER_KEY
      ? []
      : ["declare const callerKey: string; // your caller key, or a short-lived token", ""]),
    ...(draft.imageSource === "base64"
      ? [
          "// The image is elided: `file` is the portrait the user picked, compressed to spec (<= 600 KB).",
          "declare const file: Blob;",
          "const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));",
          "",
        ]
      : []),
    "const result = await ky",
    `  .post(${JSON.stringify(endpoint(proxyUrl))}, {`,
    `    headers: { Authorization: ${authorization} },`,
    `    json: ${json},`,
    "    timeout: 20_000,",
    `    retry: ${RETRY_OPTIONS},`,
    "  })",
    "  .json<{ passed: boolean; subCode: string; face: Record<string, number | boolean | string> }>();",
    'console.log(result.passed ? "Passed" : "Not passed", result.subCode);',
    "",
  ].join("\n");
}
