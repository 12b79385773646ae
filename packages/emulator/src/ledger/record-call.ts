import type { MiddlewareHandler } from "hono";
import type { EmulatorEnv } from "../emulator-env.js";
import type { EmulatorState } from "../emulator-state.js";

const UNANSWERED = new Set(["ConnectionDropped", "NoAnswer"]);

/**
 * Records every answered API call in the call log (and writes one log line when a logger is set): request id,
 * action, MerchantBizId, status, code, whether billed, duration. Never the user id, the image or a key secret.
 * Runs around the gateway, so errors are already rendered (and their code set) when it records.
 */
export function recordCall(state: EmulatorState, action?: string): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const started = state.options.now();
    try {
      await next();
    } finally {
      const code = c.var.answerCode ?? (c.res.status < 400 ? "Success" : "Error");
      const calledAction = c.var.call?.action ?? action;
      const record = {
        requestId: c.var.requestId ?? "",
        time: new Date(started).toISOString(),
        ...(calledAction ? { action: calledAction } : {}),
        ...(c.var.merchantBizId ? { merchantBizId: c.var.merchantBizId } : {}),
        httpStatus: UNANSWERED.has(code) ? 0 : c.res.status,
        code,
        billed: c.var.billed === true,
        durationMs: state.options.now() - started,
      };
      state.calls.record(record);
      state.options.log?.(
        `${record.time} ${record.requestId} ${record.action ?? "-"} ${record.httpStatus} ${record.code}${record.billed ? " billed" : ""} ${record.durationMs}ms`,
      );
    }
  };
}
