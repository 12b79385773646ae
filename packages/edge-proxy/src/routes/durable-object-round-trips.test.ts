import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { mintCallerToken } from "@liveness-kit/core/token";
import { describe, expect, it } from "vitest";
import { freshMerchantBizId, hashedUserId, jsonRequest } from "../../test/call-proxy.js";
import { portraitBase64 } from "../../test/portraits.js";
import { TEST_TOKEN_AUDIENCE, TEST_TOKEN_SECRET } from "../../test/test-constants.js";
import type { ProxyEnv } from "../env.js";
import worker from "../index.js";

/** Every Durable Object call takes this much longer, as from another colo: calls that overlap show it. */
const DELAY_MS = 150;

interface ObjectCall {
  name: string;
  started: number;
  ended?: number;
}

/** An env whose Durable Object namespaces log every call made through their stubs. */
function countingEnv(calls: ObjectCall[]): ProxyEnv {
  const namespaces = ["IDEMPOTENCY", "CALLERS", "REGIONS"] as const;
  const counted: Partial<ProxyEnv> = {};
  for (const binding of namespaces) {
    const namespace = env[binding] as unknown as DurableObjectNamespace;
    counted[binding] = new Proxy(namespace, {
      get(target, property) {
        const value = Reflect.get(target, property);
        if (typeof value !== "function") return value;
        if (property !== "get") return value.bind(target);
        return (id: DurableObjectId, options?: DurableObjectNamespaceGetDurableObjectOptions) =>
          countingStub(target.get(id, options), binding, calls);
      },
    }) as never;
  }
  return { ...env, ...counted };
}

function countingStub(stub: DurableObjectStub, binding: string, calls: ObjectCall[]): DurableObjectStub {
  return new Proxy(stub, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== "function" || property === "then") return value;
      return async (...args: unknown[]) => {
        const call: ObjectCall = { name: `${binding}.${String(property)}`, started: Date.now() };
        calls.push(call);
        await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
        try {
          return await Reflect.apply(value, target, args);
        } finally {
          call.ended = Date.now();
        }
      };
    },
  });
}

/**
 * Sends one request and says which Durable Object calls its answer waited for, and how many of them
 * were in sequence: a call's depth is one more than that of the deepest call that had ended before it
 * began (calls that overlap share a depth). Counted: every call that ended before the answer came.
 */
async function roundTrips(request: Request) {
  const calls: ObjectCall[] = [];
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    request as Request<unknown, IncomingRequestCfProperties>,
    countingEnv(calls),
    ctx,
  );
  const answeredAt = Date.now();
  const body = (await response.json()) as { code?: string; passed?: boolean };
  const onPath = calls.filter((call) => call.ended !== undefined && call.ended <= answeredAt);
  const depth = new Map<ObjectCall, number>();
  for (const call of [...onPath].sort((a, b) => a.started - b.started)) {
    const before = onPath.filter((other) => (other.ended ?? 0) <= call.started);
    depth.set(call, 1 + Math.max(0, ...before.map((other) => depth.get(other) ?? 0)));
  }
  await waitOnExecutionContext(ctx);
  return {
    response,
    body,
    sequential: Math.max(0, ...depth.values()),
    onPath: onPath.map((call) => call.name).sort(),
    all: calls.map((call) => call.name).sort(),
  };
}

async function livenessBody(merchantBizId: string) {
  return {
    merchantBizId,
    merchantUserId: await hashedUserId(),
    image: { base64: portraitBase64("portrait") },
  };
}

describe("Durable Object round trips on the answer's path", () => {
  it("a first call makes two: admission, idempotency and region gate together, then finish", async () => {
    const first = await roundTrips(jsonRequest(await livenessBody(freshMerchantBizId())));
    expect(first.response.status).toBe(200);
    expect(first.sequential).toBe(2);
    expect(first.onPath).toEqual([
      "CALLERS.admit",
      "IDEMPOTENCY.begin",
      "IDEMPOTENCY.finish",
      "REGIONS.pass",
    ]);
  });

  it("a call with a caller token makes two as well: the token's use is checked with the rate", async () => {
    const token = await mintCallerToken({
      secret: TEST_TOKEN_SECRET,
      audience: TEST_TOKEN_AUDIENCE,
      subject: `session-${crypto.randomUUID()}`,
    });
    const body = await livenessBody(freshMerchantBizId());
    const call = await roundTrips(jsonRequest(body, { authorization: `Bearer ${token}` }));
    expect(call.response.status).toBe(200);
    expect(call.sequential).toBe(2);
    expect(call.onPath).toEqual(["CALLERS.admit", "IDEMPOTENCY.begin", "IDEMPOTENCY.finish", "REGIONS.pass"]);
    // The same token again is refused, and nothing is kept for the refused request.
    const replayed = await roundTrips(jsonRequest(body, { authorization: `Bearer ${token}` }));
    expect(replayed.response.status).toBe(401);
    expect(replayed.body.code).toBe("token_replayed");
  });

  it("a replay makes one, and gives the region pass it did not need back off the path", async () => {
    const body = await livenessBody(freshMerchantBizId());
    const first = await roundTrips(jsonRequest(body));
    expect(first.response.status).toBe(200);
    const replay = await roundTrips(jsonRequest(body));
    expect(replay.response.status).toBe(200);
    expect(replay.response.headers.get("idempotent-replay")).toBe("true");
    expect(replay.body.passed).toBe(first.body.passed);
    expect(replay.sequential).toBe(1);
    // The region pass was asked beside `begin`; the answer does not wait for it, so it may end either side of it.
    expect(replay.onPath.filter((name) => name !== "REGIONS.pass")).toEqual([
      "CALLERS.admit",
      "IDEMPOTENCY.begin",
    ]);
    expect(replay.all).toContain("REGIONS.pass");
    expect(replay.all).toContain("REGIONS.giveBack");
    expect(replay.all).not.toContain("IDEMPOTENCY.finish");
  });
});
