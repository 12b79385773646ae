import { describe, expect, test } from "vitest";
import { STACK } from "../support/stack-urls.js";
import { BAD_INPUT_CORPUS } from "./corpus/bad-input-corpus.js";
import { badMerchantBizId, SUITE_USER_HASH, sentMerchantBizIds } from "./corpus/bad-input-ids.js";
import type { BadRequestCase, ExpectedRefusal, OutgoingRequest } from "./corpus/bad-request-case.js";
import { acceptableBody, jsonRequest } from "./corpus/json-request.js";
import { createResponseRecorder } from "./response-recorder.js";
import { isDevServerRestart, sendBadRequest } from "./send-bad-request.js";
import type { ReceivedAnswer } from "./socket-exchange.js";

// At least 200 malformed requests to the proxy's POST /v1/face-liveness, sent to the stack `npm start`
// runs. Each must be refused with a 4xx in the error shape { code, message, requestId }: never a 5xx,
// never a hang, never a call to the emulator (so never a bill).

/** Far above any answer of the proxy (tens of milliseconds), far below the test timeout. */
const ANSWER_TIMEOUT_MS = 20_000;

const recorder = createResponseRecorder("bad-input");
/** The hashed user of the control request, the only one that may be billed. */
const CONTROL_USER_HASH = "0".repeat(64);
const answered: { name: string; status: number }[] = [];
/** merchantBizIds of the cases that may reach the emulator (it refuses them, unbilled). */
const mayReachUpstream = new Set<string>();

const list = (value: string | number | readonly (string | number)[]) =>
  Array.isArray(value) ? value : [value];

/** Checks that an answer is a clean refusal: 4xx, JSON, `{ code, message, requestId }`. */
function expectCleanRefusal(answer: ReceivedAnswer): Record<string, unknown> {
  expect(answer.status, answer.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
  expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  const json = JSON.parse(answer.body) as Record<string, unknown>;
  expect(json).toEqual(
    expect.objectContaining({
      code: expect.any(String),
      message: expect.any(String),
      requestId: expect.any(String),
    }),
  );
  expect(json.requestId).toBe(answer.headers["x-request-id"]);
  return json;
}

/** How often a case is built and sent again when `wrangler dev` reloaded the Worker under it. */
const DEV_RESTART_ATTEMPTS = 3;

/**
 * Builds a case and sends its requests in order, recording every answer; returns the answers (the last
 * is the case's own). A reload of the dev server under a request makes the whole case run again.
 */
async function runCase(
  badCase: Pick<BadRequestCase, "name" | "build" | "reachesUpstream">,
): Promise<ReceivedAnswer[]> {
  for (let attempt = 1; ; attempt++) {
    const { before = [], request } = await badCase.build();
    if (badCase.reachesUpstream) {
      const id = merchantBizIdOf(request);
      if (id !== undefined) mayReachUpstream.add(id);
    }
    const answers: ReceivedAnswer[] = [];
    for (const [index, outgoing] of [...before, request].entries()) {
      const answer = await sendBadRequest(STACK.proxy, outgoing, ANSWER_TIMEOUT_MS);
      recorder.record(index < before.length ? `${badCase.name} (before)` : badCase.name, answer);
      answers.push(answer);
      if (isDevServerRestart(answer)) break;
    }
    if (!answers.some(isDevServerRestart) || attempt === DEV_RESTART_ATTEMPTS) return answers;
  }
}

function expectRefusal(
  answer: { status: number; json: Record<string, unknown>; headers: Record<string, string> },
  expected: ExpectedRefusal,
): void {
  const summary = JSON.stringify(answer.json).slice(0, 400);
  expect(list(expected.status), summary).toContain(answer.status);
  expect(list(expected.code), summary).toContain(answer.json.code);
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    expect(answer.headers[name], `${name} of ${summary}`).toBe(value);
  }
  if (expected.issue !== undefined) {
    const issues = (answer.json.details as { issues?: { code: string }[] } | undefined)?.issues ?? [];
    expect(list(expected.issue), summary).toContain(issues[0]?.code);
  }
}

/** The merchantBizId a JSON request body carries, if any. */
function merchantBizIdOf(request: OutgoingRequest): string | undefined {
  if (request.via !== "fetch" || typeof request.body !== "string") return undefined;
  try {
    const id = (JSON.parse(request.body) as { merchantBizId?: unknown }).merchantBizId;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

describe("bad input: the control request", () => {
  test("the acceptable body every case breaks is accepted as it is", async () => {
    // Proves that each refusal below comes from the one thing its case breaks. Its ids are allowed
    // upstream before it is sent (a dev-server reload may cut the answer off after the bill).
    const [answer] = await runCase({
      name: "control",
      build: async () => {
        const merchantBizId = badMerchantBizId();
        mayReachUpstream.add(merchantBizId);
        return {
          request: await jsonRequest(acceptableBody({ merchantBizId, merchantUserId: CONTROL_USER_HASH })),
        };
      },
    });
    expect(answer?.status, answer?.body.slice(0, 300)).toBe(200);
  });
});

describe.each(BAD_INPUT_CORPUS)("bad input: $kind", ({ cases }) => {
  test.concurrent.each(cases.map((c) => [c.name, c] as const))(
    "%s",
    async (_name, badCase: BadRequestCase) => {
      const answers = await runCase(badCase);
      for (const answer of answers) answered.push({ name: badCase.name, status: answer.status });
      const jsons = answers.map(expectCleanRefusal);
      const last = answers.length - 1;
      expectRefusal(
        {
          status: answers[last]?.status ?? 0,
          json: jsons[last] ?? {},
          headers: answers[last]?.headers ?? {},
        },
        badCase.expected,
      );
    },
  );
});

describe("bad input: after the corpus", () => {
  test("none of it reached the emulator's ledger, and only header-valid images reached the emulator", async () => {
    const ledger = (await (await fetch(`${STACK.emulator}/__emulator/ledger`)).json()) as {
      entries: { merchantBizId: string; merchantUserId: string }[];
    };
    const sent = sentMerchantBizIds();
    const billed = ledger.entries.filter(
      (entry) =>
        entry.merchantUserId === SUITE_USER_HASH ||
        (sent.has(entry.merchantBizId) && !mayReachUpstream.has(entry.merchantBizId)),
    );
    expect(billed).toEqual([]);
    const calls = (await (await fetch(`${STACK.emulator}/__emulator/calls`)).json()) as {
      calls: { merchantBizId?: string; billed: boolean }[];
    };
    const reached = calls.calls.filter(
      (call) => call.merchantBizId !== undefined && sent.has(call.merchantBizId),
    );
    expect(reached.filter((call) => !mayReachUpstream.has(call.merchantBizId ?? ""))).toEqual([]);
    // Billed: the control request alone (the cases that reach the emulator are refused there, unbilled).
    const billedCalls = ledger.entries.filter((entry) => sent.has(entry.merchantBizId));
    expect(billedCalls.length).toBeGreaterThanOrEqual(1);
    expect(billedCalls.filter((entry) => entry.merchantUserId !== CONTROL_USER_HASH)).toEqual([]);
  });

  test("at least 200 bad requests were sent, and every one was answered 4xx", () => {
    const refused = answered.filter(({ status }) => status >= 400 && status < 500);
    expect(answered.length).toBeGreaterThanOrEqual(200);
    expect(answered.filter(({ status }) => status < 400 || status >= 500)).toEqual([]);
    console.log(`bad input: ${refused.length} requests, all 4xx`);
  });
});
