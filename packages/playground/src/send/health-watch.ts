import type { AppState } from "../shell/app-state.js";
import type { Store } from "../shell/store.js";
import { type HealthReport, probeHealth } from "./probe-health.js";

/**
 * Keeps the proxy's health in the state: checked at start (a warning in the Log when it is down or refuses
 * this origin), when the proxy URL changes, and every 30 s while the page is visible. Returns a check on demand.
 */
export function watchHealth(
  store: Store<AppState>,
  log: (level: "warn", message: string) => void,
): () => Promise<HealthReport | undefined> {
  const check = async () => {
    const { proxyUrl } = store.get().settings;
    const health = await probeHealth(proxyUrl);
    // A late answer about a proxy no longer in use is dropped.
    if (store.get().settings.proxyUrl !== proxyUrl) return undefined;
    store.set({ health });
    return health;
  };
  store.watch(
    (state) => state.settings.proxyUrl,
    () => void check(),
  );
  void check().then((health) => {
    const { proxyUrl } = store.get().settings;
    if (health?.corsBlocked)
      log("warn", `The proxy at ${proxyUrl} is up but does not allow this origin (${location.origin}).`);
    else if (health && !health.up)
      log("warn", `The proxy at ${proxyUrl} does not answer /healthz. Start the local stack with npm start.`);
  });
  setInterval(() => {
    if (document.visibilityState === "visible") void check();
  }, 30_000);
  return check;
}
