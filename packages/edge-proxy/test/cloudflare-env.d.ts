// Types `env` and `exports` from "cloudflare:workers" in the tests: the proxy's bindings and its
// main module.
import type { ProxyEnv } from "../src/env.js";

declare global {
  namespace Cloudflare {
    interface Env extends ProxyEnv {}
    interface GlobalProps {
      mainModule: typeof import("../src/index.js");
      durableNamespaces: "IdempotencyObject" | "RateLimitObject" | "RegionCircuit" | "TokenReplayObject";
    }
  }
}
