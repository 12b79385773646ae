import { CORE_RUN, coreSnippet } from "./core-snippet.js";
import { curlSnippet } from "./curl-snippet.js";
import { fetchSnippet } from "./fetch-snippet.js";
import { kySnippet } from "./ky-snippet.js";
import { nodeCompressSnippet } from "./node-compress-snippet.js";
import { pythonSnippet } from "./python-snippet.js";
import type { SnippetInput } from "./snippet-input.js";
import { verifyCoreSnippet } from "./verify-core-snippet.js";
import { verifyJoseSnippet } from "./verify-jose-snippet.js";
import { verifyPythonSnippet } from "./verify-python-snippet.js";

export { DEV_CALLER_KEY, type SnippetInput } from "./snippet-input.js";

/**
 * The snippets of the Code tab, in order, with the file each is saved as and the command that runs it. `send`
 * snippets make the request; `verify` ones check the answer's receipt the way the app's server must.
 */
export const SNIPPET_LANGUAGES = [
  { id: "curl", kind: "send", label: "curl", file: "send.sh", run: "bash send.sh", generate: curlSnippet },
  {
    id: "fetch",
    kind: "send",
    label: "fetch",
    file: "send.mjs",
    run: "node send.mjs",
    generate: fetchSnippet,
  },
  {
    id: "typescript",
    kind: "send",
    label: "TypeScript (core)",
    file: "send.ts",
    run: CORE_RUN,
    generate: coreSnippet,
  },
  { id: "ky", kind: "send", label: "ky", file: "send-ky.mjs", run: "node send-ky.mjs", generate: kySnippet },
  {
    id: "python",
    kind: "send",
    label: "Python (requests)",
    file: "send.py",
    run: "python3 send.py",
    generate: pythonSnippet,
  },
  {
    id: "node-compress",
    kind: "send",
    label: "Node: compress + send (sharp)",
    file: "compress-send.mjs",
    run: "node compress-send.mjs",
    generate: nodeCompressSnippet,
  },
  {
    id: "verify-core",
    kind: "verify",
    label: "Verify (core)",
    file: "verify.mjs",
    run: "node verify.mjs",
    generate: verifyCoreSnippet,
  },
  {
    id: "verify-jose",
    kind: "verify",
    label: "Verify (jose)",
    file: "verify-jose.mjs",
    run: "node verify-jose.mjs",
    generate: verifyJoseSnippet,
  },
  {
    id: "verify-python",
    kind: "verify",
    label: "Verify (PyJWT)",
    file: "verify.py",
    run: "python3 verify.py",
    generate: verifyPythonSnippet,
  },
] as const;

/** One language's id. */
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number]["id"];

/** Every snippet, by language. */
export type CodeSnippets = Readonly<Record<SnippetLanguage, string>>;

/**
 * Working code for a request (and the receipt of its answer) with the image elided (read from face.jpg at run time) and the caller key spelled
 * out only when it is the public dev key. Each snippet's first lines say how to run it.
 */
export function generateSnippets(input: SnippetInput): CodeSnippets {
  return Object.fromEntries(
    SNIPPET_LANGUAGES.map((language) => [language.id, language.generate(input)]),
  ) as Record<SnippetLanguage, string>;
}
