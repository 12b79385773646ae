import { type Browser, chromium } from "playwright-core";
import { chromiumLaunchOptions } from "./chromium-options.js";

/** Debian's Chromium, started the way this machine and CI allow (as root, offline), plus any `extraArgs`. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions(extraArgs), headless: true });
}
