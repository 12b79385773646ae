import { fetchAndPrintLines } from "./fetch-and-print.js";
import { DEV_CALLER_KEY, type SnippetInput } from "./snippet-input.js";

/**
 * Node with sharp (`compress-send.mjs`): the playground's compression done on a server (EXIF orientation
 * applied, shorter side at most 720 px, JPEG at quality 0.92, lower until at most 600 KB), then the same POST
 * as the fetch snippet. For URL mode there is nothing to compress: the fetch snippet applies.
 */
export function nodeCompressSnippet({ proxyUrl, callerKey, draft }: SnippetInput): string {
  if (draft.imageSource !== "base64") {
    return "// URL mode sends no image bytes, so there is nothing to compress: use the fetch snippet.\n";
  }
  return [
    "// Run: node compress-send.mjs   (npm i sharp; face.jpg is your photo as taken, any size)",
    'import sharp from "sharp";',
    "",
    callerKey === DEV_CALLER_KEY
      ? `const callerKey = process.env.LIVENESS_CALLER_KEY ?? ${JSON.stringify(DEV_CALLER_KEY)};`
      : "const callerKey = process.env.LIVENESS_CALLER_KEY; // your caller key",
    "",
    "// As the playground does: upright, shorter side at most 720 px, JPEG, at most 600 KB (quality lowered, not size).",
    "let quality = 92;",
    "let jpeg;",
    "do {",
    '  jpeg = await sharp("face.jpg")',
    "    .rotate()",
    '    .resize({ width: 720, height: 720, fit: "outside", withoutEnlargement: true })',
    "    .jpeg({ quality })",
    "    .toBuffer();",
    "  quality -= 8;",
    "} while (jpeg.length > 600 * 1024 && quality > 40);",
    'const image = jpeg.toString("base64");',
    "",
    ...fetchAndPrintLines(proxyUrl, draft),
  ].join("\n");
}
