import { sha256Hex } from "@liveness-kit/core/sign";
import { mintCallerToken } from "@liveness-kit/core/token";
import { describe, expect, it } from "vitest";
import { callProxy } from "../../test/call-proxy.js";
import { TEST_CALLER_KEY, TEST_TOKEN_AUDIENCE, TEST_TOKEN_SECRET } from "../../test/test-constants.js";

// Invalid bodies: a caller within its rate gets 400, beyond it 429 (the limit applies before the body is read).
function request(credential: string): Request {
  return new Request("https://proxy.test/v1/face-liveness", {
    method: "POST",
    headers: { authorization: `Bearer ${credential}`, "content-type": "application/json" },
    body: "{}",
  });
}

describe("per-caller rate limit", () => {
  it("lets a caller use its burst, then answers 429 with Retry-After", async () => {
    const subject = `session-${crypto.randomUUID()}`;
    const slow = { CALLER_BURST: "2", CALLER_RATE_PER_SECOND: "0.01" };
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 3; i++) {
      const token = await mintCallerToken({
        secret: TEST_TOKEN_SECRET,
        audience: TEST_TOKEN_AUDIENCE,
        subject,
      });
      const response = await callProxy(request(token), slow);
      statuses.push(response.status);
      limited = response;
    }
    expect(statuses).toEqual([400, 400, 429]);
    expect(limited?.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThanOrEqual(90);
    expect(await limited?.json()).toMatchObject({ code: "rate_limited", retryable: true });
  });

  it("keeps one bucket per caller: another caller is not limited", async () => {
    const slow = { CALLER_BURST: "1", CALLER_RATE_PER_SECOND: "0.01" };
    const mint = (subject: string) =>
      mintCallerToken({ secret: TEST_TOKEN_SECRET, audience: TEST_TOKEN_AUDIENCE, subject });
    const first = `session-${crypto.randomUUID()}`;
    expect((await callProxy(request(await mint(first)), slow)).status).toBe(400);
    expect((await callProxy(request(await mint(first)), slow)).status).toBe(429);
    expect((await callProxy(request(await mint(`session-${crypto.randomUUID()}`)), slow)).status).toBe(400);
  });

  it("applies a rate configured for one caller key", async () => {
    const hash = await sha256Hex(TEST_CALLER_KEY);
    const keys = {
      CALLER_KEYS: JSON.stringify([
        { id: `limited-${crypto.randomUUID()}`, sha256: hash, burst: 1, ratePerSecond: 0.01 },
      ]),
    };
    expect((await callProxy(request(TEST_CALLER_KEY), keys)).status).toBe(400);
    expect((await callProxy(request(TEST_CALLER_KEY), keys)).status).toBe(429);
  });
});
