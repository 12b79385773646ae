import type { Caller } from "./auth/caller.js";
import type { ProxyConfig } from "./config/proxy-config.js";
import type { ProxyEnv } from "./env.js";
import type { RequestLogFields } from "./observability/request-log.js";
import type { ServerTiming } from "./observability/server-timing.js";

/** Hono's typing of the app: the Worker bindings and what the middleware puts on the context. */
export interface ProxyAppEnv {
  Bindings: ProxyEnv;
  Variables: {
    requestId: string;
    timing: ServerTiming;
    /** Fields added along the way to the request's one log line. */
    log: Partial<RequestLogFields>;
    config: ProxyConfig;
    caller: Caller;
    /** The caller's admission (`admitCaller`), started but not awaited. */
    admission: Promise<void>;
  };
}
