import type { MiddlewareHandler } from "hono";
import type { ProxyAppEnv } from "../proxy-app-env.js";
import { loadProxyConfig } from "./proxy-config.js";

/** Parses the configuration (once per `env`) and puts it on the context; a broken one throws `ConfigError`. */
export const useConfig: MiddlewareHandler<ProxyAppEnv> = async (c, next) => {
  c.set("config", loadProxyConfig(c.env as unknown as Record<string, unknown>));
  await next();
};
