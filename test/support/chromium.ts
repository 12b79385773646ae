import { type Browser, chromium } from "playwright-core";
import { chromiumLaunchOptions } from "./chromium-options.js";

/** Debian's Chromium, started the way this machine and CI allow (as root, offline). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions(), headless: true });
}
