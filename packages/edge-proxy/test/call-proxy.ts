// Sends requests to the proxy inside workerd. Without overrides it goes through the Worker's own
// fetch (as SELF would); with overrides the same Worker module runs with a modified env, which is how
// single tests vary the configuration. Durable Objects are the real ones either way.

import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { sha256Hex } from "@liveness-kit/core/sign";
import type { ProxyEnv } from "../src/env.js";
import worker from "../src/index.js";
import { TEST_CALLER_KEY } from "./test-constants.js";

/** Settings to change for one call (string vars only; the Durable Object bindings stay). */
export type EnvOverrides = Partial<
  Record<Exclude<keyof ProxyEnv, "IDEMPOTENCY" | "CALLERS" | "REGIONS">, string>
>;

/** Sends `request` to the proxy, with `overrides` applied to its configuration. */
export async function callProxy(request: Request, overrides?: EnvOverrides): Promise<Response> {
  if (overrides === undefined) return exports.default.fetch(request);
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    request as Request<unknown, IncomingRequestCfProperties>,
    { ...env, ...overrides },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

/** A `POST /v1/face-liveness` with a JSON body and the test caller key (unless `headers` says otherwise). */
export function jsonRequest(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request("https://proxy.test/v1/face-liveness", {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_CALLER_KEY}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A `POST /v1/face-liveness` with a multipart body and the test caller key. */
export function multipartRequest(form: FormData, headers: Record<string, string> = {}): Request {
  return new Request("https://proxy.test/v1/face-liveness", {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_CALLER_KEY}`, ...headers },
    body: form,
  });
}

/** A fresh `merchantBizId`, so tests never share an idempotency key or a ledger entry. */
export function freshMerchantBizId(prefix = "t"): string {
  return `${prefix}${crypto.randomUUID().replaceAll("-", "")}`.slice(0, 32);
}

/** A valid `merchantUserId`: the SHA-256 hex of a made-up user id. */
export async function hashedUserId(userId = "user-42"): Promise<string> {
  return sha256Hex(new TextEncoder().encode(userId));
}

/** The proxy's JSON answer as the tests read it: a decided answer's fields, or an error's. */
export interface TestAnswer {
  requestId: string;
  merchantBizId: string;
  transactionId: string;
  passed: boolean;
  subCode: string;
  face: Record<string, unknown>;
  upstream: { requestId: string; region: string };
  receipt?: string;
  code?: string;
  message?: string;
  retryable?: boolean;
  details?: unknown;
}

/** Sends `request` (as {@link callProxy} does) and reads the JSON answer. */
export async function sendToProxy(
  request: Request,
  overrides?: EnvOverrides,
): Promise<{ response: Response; body: TestAnswer }> {
  const response = await callProxy(request, overrides);
  return { response, body: (await response.json()) as TestAnswer };
}
