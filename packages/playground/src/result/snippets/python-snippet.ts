import { draftToBody } from "../../request/request-draft.js";
import { DEV_CALLER_KEY, endpoint, IMAGE_MARKER, type SnippetInput } from "./snippet-input.js";

/** A JSON value as a Python literal (JSON string escapes are valid Python escapes). */
export function pythonLiteral(value: unknown, indent = ""): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${pythonLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pythonLiteral(item, inner)},`).join("\n")}\n${indent}}`;
}

/** Python with requests (`send.py`); prints the proxy's JSON error on failure. */
export function pythonSnippet({ proxyUrl, callerKey, draft }: SnippetInput): string {
  const usesFile = draft.imageSource === "base64";
  const body = pythonLiteral(draftToBody(draft, IMAGE_MARKER)).replace(JSON.stringify(IMAGE_MARKER), "image");
  return [
    "# Run: python3 send.py   (pip install requests)",
    ...(usesFile ? ["import base64"] : []),
    "import os",
    "import sys",
    "",
    "import requests",
    "",
    callerKey === DEV_CALLER_KEY
      ? `caller_key = os.environ.get("LIVENESS_CALLER_KEY", ${JSON.stringify(DEV_CALLER_KEY)})`
      : 'caller_key = os.environ["LIVENESS_CALLER_KEY"]  # your caller key',
    ...(usesFile
      ? [
          "# The image is elided: face.jpg is your portrait JPEG or PNG (at most 600 KB, shorter side 720 px).",
          'with open("face.jpg", "rb") as file:',
          '    image = base64.b64encode(file.read()).decode("ascii")',
        ]
      : []),
    "",
    `body = ${body}`,
    "response = requests.post(",
    `    ${JSON.stringify(endpoint(proxyUrl))},`,
    '    headers={"Authorization": f"Bearer {caller_key}"},',
    "    json=body,",
    "    timeout=20,",
    ")",
    "answer = response.json()",
    "if not response.ok:",
    "    # The proxy's error: { code, message, requestId, retryable, hint? }.",
    "    print(",
    "        f\"HTTP {response.status_code} {answer['code']}: {answer['message']} {answer.get('hint', '')}\"",
    "        f\" (requestId {answer.get('requestId')})\",",
    "        file=sys.stderr,",
    "    )",
    "    sys.exit(1)",
    'print("Passed" if answer["passed"] else "Not passed", answer["subCode"], answer["face"])',
    "",
  ].join("\n");
}
