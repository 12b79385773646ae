// Types `env` and `exports` from "cloudflare:workers" in the tests: the proxy's bindings and its
// main module.
import type { ProxyEnv } from "../src/env.js";

declare global {
  namespace Cloudflare {
    interface Env extends ProxyEnv {
      /** Test-only bindings: the origins of the emulators the global setup started on free ports. */
      TEST_EMULATOR_ORIGIN: string;
      TEST_FAILING_EMULATOR_ORIGIN: string;
      TEST_SLOW_UPSTREAM_ORIGIN: string;
    }
    interface GlobalProps {
      mainModule: typeof import("../src/index.js");
      durableNamespaces: "IdempotencyObject" | "RateLimitObject" | "RegionCircuit" | "TokenReplayObject";
    }
  }
}
