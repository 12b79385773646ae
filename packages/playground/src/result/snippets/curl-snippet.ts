import { draftToBody } from "../../request/request-draft.js";
import { DEV_CALLER_KEY, endpoint, IMAGE_MARKER, type SnippetInput } from "./snippet-input.js";

/** Single-quotes a word for POSIX shells. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** A bash script: base64 of face.jpg into a heredoc, posted with curl; prints the JSON answer. */
export function curlSnippet({ proxyUrl, callerKey, draft }: SnippetInput): string {
  const usesFile = draft.imageSource === "base64";
  const auth =
    callerKey === DEV_CALLER_KEY
      ? `  -H ${shellQuote(`Authorization: Bearer ${DEV_CALLER_KEY}`)} \\`
      : '  -H "Authorization: Bearer $LIVENESS_CALLER_KEY" \\';
  const lines: string[] = ["# Run: bash send.sh"];
  if (callerKey !== DEV_CALLER_KEY) lines.push("# export LIVENESS_CALLER_KEY=... (your caller key)");
  if (usesFile) {
    const json = JSON.stringify(draftToBody(draft, IMAGE_MARKER));
    // Unquoted heredoc so $IMAGE_BASE64 expands: escape what the shell would otherwise interpret.
    const body = json.replace(/[\\$`]/g, "\\$&").replace(IMAGE_MARKER, "$IMAGE_BASE64");
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
