import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { knownSecrets } from "./known-secrets.js";
import { readRecordedResponses } from "./response-recorder.js";
import { findSecrets, type SecretFinding } from "./secret-scanner.js";

// The secret scan: every answer the suites recorded (test-results/responses/*.jsonl, headers and bodies)
// and every line the stack printed during the run (test-results/stack.log) is searched for the AccessKey
// secret and id, the caller key, the token secret, the raw user ids and the images the suites sent.
// It must run after every other suite of the run (see secrets-last-sequencer.ts).

const secrets = knownSecrets();
const stackLog = () => readFileSync(inject("stackLog"), "utf8");

/** The request ids of every recorded answer of the proxy (its log line repeats each). */
const recordedRequestIds = () =>
  readRecordedResponses()
    .map((response) => response.headers["x-request-id"])
    .filter((id): id is string => id !== undefined);

/** How long the stack log may stay unchanged before it counts as complete. */
const LOG_QUIET_MS = 5_000;

/**
 * Waits until the stack log holds the log line of every recorded answer, or has not grown for
 * LOG_QUIET_MS: wrangler relays the Worker's lines seconds after the answers under load, and the scan
 * must read them all.
 */
async function settledStackLog(): Promise<void> {
  const ids = recordedRequestIds();
  let size = -1;
  let quietSince = Date.now();
  for (;;) {
    const log = stackLog();
    if (ids.every((id) => log.includes(id))) return;
    if (log.length !== size) {
      size = log.length;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= LOG_QUIET_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** One line per finding, for the failure message: where and what, never the value. */
const describeFindings = (findings: SecretFinding[]) =>
  findings.map(({ label, where }) => `${label} in ${where}`).join("\n");

describe("secrets", () => {
  beforeAll(settledStackLog, 90_000);

  test("the records to scan are this run's: the bad-input answers, logged in this run's stack log", () => {
    const badInput = readRecordedResponses().filter((response) => response.suite === "bad-input");
    expect(badInput.length).toBeGreaterThanOrEqual(200);
    // The stack log is emptied when the run starts and each suite empties its record when it starts, so
    // request ids found in both prove that the record is this run's (a scan that ran before the suite,
    // or a record left by an earlier run, fails here). A dev-server reload may swallow a few log lines.
    const log = stackLog();
    const ids = badInput.map((response) => response.headers["x-request-id"]).filter((id) => id !== undefined);
    const logged = ids.filter((id) => log.includes(id));
    expect(ids.length).toBeGreaterThanOrEqual(200);
    expect(logged.length / ids.length).toBeGreaterThan(0.9);
  });

  test("no answer of any suite holds a secret, an image or a raw user id", () => {
    const findings = readRecordedResponses().flatMap((response) => {
      const where = `the answer to "${response.name}" (${response.suite})`;
      const headers = Object.entries(response.headers)
        .map(([name, value]) => `${name}: ${value}`)
        .join("\n");
      return [
        ...findSecrets(headers, secrets, `${where}, headers`),
        ...findSecrets(response.body, secrets, `${where}, body`),
      ];
    });
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  test("no line the stack printed while serving holds a secret, an image or a raw user id", () => {
    const lines = stackLog().split("\n");
    // The start-up banners print the published development values on purpose (the emulator its dev key pair,
    // the stack the dev caller key: both are committed in the repository and accepted nowhere else). Every line
    // after the banner, that is every line logged while requests were served, is scanned.
    const ready = lines.findIndex((line) => line.includes("Press Ctrl+C to stop everything"));
    expect(ready).toBeGreaterThan(0);
    const served = lines.slice(ready + 1);
    expect(served.length).toBeGreaterThan(10);
    const findings = served.flatMap((line, index) =>
      findSecrets(
        line,
        secrets,
        `stack.log line ${ready + index + 2} (${/^\[[a-z]+\]/.exec(line)?.[0] ?? "stack"})`,
      ),
    );
    expect(findings, describeFindings(findings)).toEqual([]);
  });
});
