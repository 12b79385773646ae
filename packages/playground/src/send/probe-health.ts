/** What `GET {proxy}/healthz` said. */
export interface HealthReport {
  readonly up: boolean;
  /** The HTTP status, when there was an answer. */
  readonly status?: number;
  /** The region the proxy reports, when its health body names one. */
  readonly region?: string;
  /** The proxy answers, but not to this page's origin: the browser hides the answer (CORS). */
  readonly corsBlocked?: boolean;
  readonly checkedAt: number;
}

/**
 * Asks the proxy's `/healthz` whether it is up, within `timeoutMs`. Any answer counts as "reachable"; only a
 * 2xx counts as "up". When the browser hides the answer, a second `no-cors` request tells a proxy that
 * refuses this origin (it answers, opaquely) from one that is down (the connection fails). Never throws.
 */
export async function probeHealth(
  proxyUrl: string,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<HealthReport & { reachable: boolean }> {
  const fetchFn = options.fetch ?? fetch;
  const checkedAt = Date.now();
  try {
    const response = await fetchFn(`${proxyUrl.replace(/\/+$/, "")}/healthz`, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
      cache: "no-store",
    });
    let region: string | undefined;
    try {
      const body: unknown = await response.json();
      if (typeof body === "object" && body !== null) {
        const value = (body as Record<string, unknown>).region;
        if (typeof value === "string") region = value;
      }
    } catch {
      // A plain-text "ok" is a fine health answer too.
    }
    return {
      up: response.ok,
      reachable: true,
      status: response.status,
      checkedAt,
      ...(region ? { region } : {}),
    };
  } catch {
    try {
      await fetchFn(`${proxyUrl.replace(/\/+$/, "")}/healthz`, {
        mode: "no-cors",
        signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
        cache: "no-store",
      });
      return { up: false, reachable: true, corsBlocked: true, checkedAt };
    } catch {
      return { up: false, reachable: false, checkedAt };
    }
  }
}
