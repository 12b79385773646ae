// The origins of the two emulators the global setup started (a healthy one and one that fails on demand),
// as the vitest config passed them to workerd: their ports are picked free for each run.
import { env } from "cloudflare:workers";

/** The healthy emulator, the proxy's default upstream in the tests. */
export const EMULATOR_ORIGIN: string = env.TEST_EMULATOR_ORIGIN;
/** The emulator that the fail-over tests make fail. */
export const FAILING_EMULATOR_ORIGIN: string = env.TEST_FAILING_EMULATOR_ORIGIN;
/** A stand-in that holds every request 700 ms before the healthy emulator answers it (slow Alibaba). */
export const SLOW_UPSTREAM_ORIGIN: string = env.TEST_SLOW_UPSTREAM_ORIGIN;
