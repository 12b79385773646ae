import { describe, expect, test } from "vitest";
import type { FailureExplanation } from "./explain-failure.js";
import { cancelledExplanation, type PostRequestSteps, postRequest } from "./post-request.js";
import { type ProxyExchange, SendFailedError } from "./send-to-proxy.js";

const answered: ProxyExchange = {
  status: 200,
  headers: [],
  body: {},
  bodyText: "{}",
  attempts: 1,
  requestBytes: 2,
};

/** Steps whose attempts give these outcomes in turn; records the attempts and the probes. */
function steps(outcomes: (ProxyExchange | Error)[], overrides: Partial<PostRequestSteps> = {}) {
  const calls = { attempts: [] as boolean[], probes: 0, logs: [] as string[] };
  const value: PostRequestSteps = {
    proxyUrl: "https://proxy.test",
    streamed: true,
    attempt: async (withProgress) => {
      calls.attempts.push(withProgress);
      const next = outcomes.shift();
      if (!next || next instanceof Error) throw next;
      return next;
    },
    probe: async () => {
      calls.probes++;
      return { up: true, reachable: true, checkedAt: 0 };
    },
    cancelled: () => undefined,
    log: (_, message) => calls.logs.push(message),
    ...overrides,
  };
  return { value, calls };
}

describe("postRequest", () => {
  test("an answer is returned as it came, without a probe", async () => {
    const { value, calls } = steps([answered]);
    expect(await postRequest(value)).toEqual({ exchange: answered });
    expect(calls).toMatchObject({ attempts: [true], probes: 0 });
  });

  test("a refused streamed upload to a reachable proxy is sent once more without streaming", async () => {
    const { value, calls } = steps([new SendFailedError("network", "refused", 1), answered]);
    expect(await postRequest(value)).toEqual({ exchange: answered });
    expect(calls.attempts).toEqual([true, false]);
    expect(calls.logs).toEqual([expect.stringContaining("without upload progress")]);
  });

  test("a timeout is explained after a probe, and not retried", async () => {
    const { value, calls } = steps([new SendFailedError("timeout", "late", 1)]);
    const outcome = (await postRequest(value)) as { failure: FailureExplanation };
    expect(outcome.failure.code).toBe("Timeout");
    expect(calls).toMatchObject({ attempts: [true], probes: 1 });
  });

  test("a network failure when the proxy is unreachable says so", async () => {
    const { value } = steps([new SendFailedError("network", "down", 1)], {
      probe: async () => ({ up: false, reachable: false, checkedAt: 0 }),
    });
    expect(await postRequest(value)).toEqual({
      failure: expect.objectContaining({ code: "ProxyUnreachable" }),
    });
  });

  test("a cancel is reported as such, without a probe", async () => {
    const cancelled = cancelledExplanation(1500, 2);
    const { value, calls } = steps([new DOMException("Aborted", "AbortError")], {
      cancelled: () => cancelled,
    });
    expect(await postRequest(value)).toEqual({ failure: cancelled });
    expect(calls.probes).toBe(0);
    expect(cancelled.message).toBe("You cancelled the request after 1.5 s (attempt 2).");
  });

  test("an unexpected error is not swallowed", async () => {
    const { value } = steps([new TypeError("bug")]);
    await expect(postRequest(value)).rejects.toThrow("bug");
  });
});
