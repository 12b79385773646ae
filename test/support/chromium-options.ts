// How every test in the repository starts Chromium: Debian's build, headless, as root and offline. Shared by
// the cross-package tests (playwright-core) and the packages' browser projects (vitest's playwright provider).

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The switches this machine and CI need: no sandbox (root), no GPU, no network of its own, no first-run UI. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** Playwright launch options with these, plus any switches a test needs (a fake camera, say). */
export function chromiumLaunchOptions(extraArgs: readonly string[] = []): {
  executablePath: string;
  args: string[];
} {
  return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] };
}
