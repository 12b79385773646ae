import { CORE_RUN, coreSnippet } from "./core-snippet.js";
import { curlSnippet } from "./curl-snippet.js";
import { fetchSnippet } from "./fetch-snippet.js";
import { kySnippet } from "./ky-snippet.js";
import { nodeCompressSnippet } from "./node-compress-snippet.js";
import { pythonSnippet } from "./python-snippet.js";
import type { SnippetInput } from "./snippet-input.js";

export { DEV_CALLER_KEY, type SnippetInput } from "./snippet-input.js";

/** The languages of the Code tab, in order, with the file each snippet is saved as and the command that runs it. */
export const SNIPPET_LANGUAGES = [
  { id: "curl", label: "curl", file: "send.sh", run: "bash send.sh", generate: curlSnippet },
  { id: "fetch", label: "fetch", file: "send.mjs", run: "node send.mjs", generate: fetchSnippet },
  { id: "typescript", label: "TypeScript (core)", file: "send.ts", run: CORE_RUN, generate: coreSnippet },
  { id: "ky", label: "ky", file: "send-ky.mjs", run: "node send-ky.mjs", generate: kySnippet },
  {
    id: "python",
    label: "Python (requests)",
    file: "send.py",
    run: "python3 send.py",
    generate: pythonSnippet,
  },
  {
    id: "node-compress",
    label: "Node: compress + send (sharp)",
    file: "compress-send.mjs",
    run: "node compress-send.mjs",
    generate: nodeCompressSnippet,
  },
] as const;

/** One language's id. */
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number]["id"];

/** Every snippet, by language. */
export type CodeSnippets = Readonly<Record<SnippetLanguage, string>>;

/**
 * Working code for a request with the image elided (read from face.jpg at run time) and the caller key spelled
 * out only when it is the public dev key. Each snippet's first lines say how to run it.
 */
export function generateSnippets(input: SnippetInput): CodeSnippets {
  return Object.fromEntries(
    SNIPPET_LANGUAGES.map((language) => [language.id, language.generate(input)]),
  ) as Record<SnippetLanguage, string>;
}
