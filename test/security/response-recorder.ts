import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where the suites write what the proxy answered: one JSON Lines file per suite, read by the secret scan. */
export const RESPONSES_DIR = fileURLToPath(new URL("../../test-results/responses/", import.meta.url));

/** One answer as a suite received it. */
export interface RecordedResponse {
  suite: string;
  /** The case that sent it. */
  name: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Appends the answers of one suite to `test-results/responses/<suite>.jsonl`. */
export interface ResponseRecorder {
  record(name: string, response: { status: number; headers: Record<string, string>; body: string }): void;
}

/**
 * Starts the record of one suite: its file is emptied (a suite records only its current run) and every
 * answer is appended as it comes. Any suite that talks to the stack can record through it, so that the
 * secret scan sees its answers too.
 */
export function createResponseRecorder(suite: string): ResponseRecorder {
  if (!/^[a-z0-9-]+$/.test(suite)) throw new Error(`suite names are kebab-case: ${suite}`);
  mkdirSync(RESPONSES_DIR, { recursive: true });
  const file = `${RESPONSES_DIR}${suite}.jsonl`;
  writeFileSync(file, "");
  return {
    record(name, response) {
      const line: RecordedResponse = { suite, name, ...response };
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    },
  };
}

/** Every answer recorded by every suite, file by file. */
export function readRecordedResponses(): RecordedResponse[] {
  if (!existsSync(RESPONSES_DIR)) return [];
  return readdirSync(RESPONSES_DIR)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .flatMap((name) =>
      readFileSync(`${RESPONSES_DIR}${name}`, "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as RecordedResponse),
    );
}
