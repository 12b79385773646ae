import { constantTimeEqual, isRegionId } from "@liveness-kit/core";
import { type Context, Hono } from "hono";
import type { EmulatorEnv } from "../emulator-env.js";
import type { EmulatorState } from "../emulator-state.js";
import type { QpsSetting } from "../gateway/qps-limiter.js";
import { BodyTooLargeError, readBody } from "../gateway/read-body.js";
import { createRequestId } from "../gateway/request-id.js";
import { parseFaultConfiguration } from "../scenarios/fault-injector.js";
import type { ScenarioMatch } from "../scenarios/scenario-book.js";
import { parseScenarioRule } from "../scenarios/scenario-rule.js";
import { checkAdminRequest } from "./admin-guard.js";

const ADMIN_MAX_BODY = 64 * 1024;

/**
 * The admin API, mounted under `/__emulator/` (documented in the README): health, the ledger of billed calls,
 * the log of every call, reset, scenarios, probabilistic faults and throttling. Answers JSON; errors are
 * `{ code, message, requestId }`. With an admin token set, every route needs `Authorization: Bearer <token>`.
 * Every route answers loopback host names only (unless `adminHosts` says otherwise), never a foreign `Origin`,
 * and writes need `Content-Type: application/json` (`checkAdminRequest`).
 */
export function adminRoutes(state: EmulatorState): Hono<EmulatorEnv> {
  const admin = new Hono<EmulatorEnv>();

  admin.use(async (c, next) => {
    const refusal = checkAdminRequest(c.req.raw, state.options.adminHosts);
    if (refusal !== undefined) return problem(c, refusal.status, refusal.code, refusal.message);
    const token = state.options.adminToken;
    if (token !== undefined) {
      const given = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
      if (!constantTimeEqual(given, token))
        return problem(c, 401, "Unauthorized", "Send Authorization: Bearer <admin token>.");
    }
    await next();
  });

  admin.get("/health", (c) =>
    c.json({
      status: "ok",
      region: state.options.region,
      accessKeyIds: state.options.credentials.map((pair) => pair.accessKeyId),
      qps: state.qps.setting,
      uptimeMs: state.options.now() - state.startedAt,
      waitingRequests: state.interruptions.pending,
      pictures: { ...state.pictures.stats, queued: state.pictures.queue?.waiting ?? 0 },
    }),
  );

  admin.get("/ledger", (c) => {
    const filter = {
      ...optional("merchantBizId", c.req.query("merchantBizId")),
      ...optional("merchantUserId", c.req.query("merchantUserId")),
    };
    return c.json({ summary: state.ledger.summary(filter), entries: state.ledger.entries(filter) });
  });

  admin.get("/calls", (c) => {
    const filter = {
      ...optional("merchantBizId", c.req.query("merchantBizId")),
      ...optional("action", c.req.query("action")),
      ...optional("code", c.req.query("code")),
    };
    return c.json({ counts: state.calls.countByCode(filter), calls: state.calls.list(filter) });
  });

  admin.post("/reset", (c) => {
    state.reset();
    return c.json({ ok: true });
  });

  admin.get("/scenarios", (c) => c.json(state.scenarios.list()));

  admin.put("/scenarios", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return problem(c, 400, "InvalidJson", body.message);
    const match = readMatch(body.value);
    if (typeof match === "string") return problem(c, 400, "InvalidScenario", match);
    const parsed = parseScenarioRule(body.value);
    if (!parsed.ok) return problem(c, 400, "InvalidScenario", parsed.message);
    if (!state.scenarios.set(match, parsed.rule)) {
      return problem(c, 400, "TooManyScenarios", "The scenario book is full; delete some rules first.");
    }
    return c.json({ match, rule: parsed.rule });
  });

  admin.delete("/scenarios", (c) => {
    const merchantBizId = c.req.query("merchantBizId");
    const merchantUserId = c.req.query("merchantUserId");
    if (merchantBizId !== undefined) return c.json({ deleted: state.scenarios.delete({ merchantBizId }) });
    if (merchantUserId !== undefined) return c.json({ deleted: state.scenarios.delete({ merchantUserId }) });
    if (c.req.query("default") !== undefined) return c.json({ deleted: state.scenarios.delete({}) });
    state.scenarios.clear();
    return c.json({ deleted: true });
  });

  admin.get("/faults", (c) => c.json(state.faults.configuration));

  admin.put("/faults", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return problem(c, 400, "InvalidJson", body.message);
    const parsed = parseFaultConfiguration(body.value);
    if (!parsed.ok) return problem(c, 400, "InvalidFaults", parsed.message);
    state.faults.configure(parsed.value);
    return c.json(state.faults.configuration);
  });

  admin.delete("/faults", (c) => {
    state.faults.clear();
    return c.json(state.faults.configuration);
  });

  admin.get("/throttling", (c) => c.json({ qps: state.qps.setting }));

  admin.put("/throttling", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return problem(c, 400, "InvalidJson", body.message);
    const qps = readQps((body.value as { qps?: unknown } | null)?.qps);
    if (qps === undefined) {
      return problem(
        c,
        400,
        "InvalidThrottling",
        'qps must be false, a positive number or { "<region>": <number> }.',
      );
    }
    state.qps.setting = qps;
    return c.json({ qps: state.qps.setting });
  });

  admin.notFound((c) => problem(c, 404, "NotFound", "No such admin route; see the emulator's README."));
  return admin;
}

function problem(
  c: Context<EmulatorEnv>,
  status: 400 | 401 | 403 | 404 | 415,
  code: string,
  message: string,
): Response {
  return c.json({ code, message, requestId: createRequestId() }, status);
}

function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}

async function readJson(
  c: Context<EmulatorEnv>,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  try {
    const bytes = await readBody(c.req.raw, ADMIN_MAX_BODY);
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return { ok: false, message: `The body is over ${ADMIN_MAX_BODY} bytes.` };
    return { ok: false, message: "The body is not valid JSON." };
  }
}

function readMatch(value: unknown): ScenarioMatch | string {
  if (typeof value !== "object" || value === null) return "a scenario must be a JSON object";
  const { merchantBizId, merchantUserId } = value as Record<string, unknown>;
  if (merchantBizId !== undefined && merchantUserId !== undefined) {
    return "give merchantBizId or merchantUserId, not both";
  }
  for (const [name, key] of [
    ["merchantBizId", merchantBizId],
    ["merchantUserId", merchantUserId],
  ] as const) {
    if (key !== undefined && (typeof key !== "string" || key === "" || key.length > 256)) {
      return `${name} must be a non-empty string of at most 256 characters`;
    }
  }
  if (typeof merchantBizId === "string") return { merchantBizId };
  if (typeof merchantUserId === "string") return { merchantUserId };
  return {};
}

function readQps(value: unknown): QpsSetting | undefined {
  if (value === false) return false;
  const positive = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n) && n > 0;
  if (positive(value)) return value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const setting: Record<string, number> = {};
  for (const [region, limit] of Object.entries(value)) {
    if (!isRegionId(region) || !positive(limit)) return undefined;
    setting[region] = limit;
  }
  return setting;
}
