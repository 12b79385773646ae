/** Whether `proxyUrl` is the proxy that `npm start` runs in front of the emulator (`emulatorProxyUrl`). */
export function isEmulatorUpstream(proxyUrl: string, emulatorProxyUrl: string | undefined): boolean {
  if (!emulatorProxyUrl) return false;
  const origin = (url: string) => {
    try {
      const parsed = new URL(url);
      // localhost and 127.0.0.1 are the same loopback proxy.
      return `${parsed.protocol}//${parsed.hostname === "localhost" ? "127.0.0.1" : parsed.hostname}:${parsed.port}${parsed.pathname.replace(/\/+$/, "")}`;
    } catch {
      return url;
    }
  };
  return origin(proxyUrl) === origin(emulatorProxyUrl);
}

/** The line shown with a result that the emulator answered. */
export const EMULATOR_NOTE =
  "Answered through the local emulator (npm start), not Alibaba Cloud: outcomes and scores are simulated, nothing is billed.";
