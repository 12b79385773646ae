import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { pictureY4m, type Scene, scenePicture } from "../fixtures/face-pictures.js";
import { launchChromium } from "../support/chromium.js";
import { STACK } from "../support/stack-urls.js";

/** Where this run's fake-camera videos are written; removed by `removeVideos`. */
const videoDir = mkdtempSync(join(tmpdir(), "liveness-capture-"));

export function removeVideos(): void {
  rmSync(videoDir, { recursive: true, force: true });
}

/**
 * A Chromium whose camera shows `scene` (a Y4M made now from the scene's picture), that refuses the camera, or
 * that has none.
 */
export async function browserWithCamera(scene: Scene | "denied" | "none"): Promise<Browser> {
  // No camera at all: Chromium without a fake device, and the prompt accepted (there is nothing to grant).
  if (scene === "none") return launchChromium(["--use-fake-ui-for-media-stream"]);
  if (scene === "denied") {
    // A camera exists, but without the fake permission UI headless Chromium answers the prompt with "deny".
    return launchChromium(["--use-fake-device-for-media-stream"]);
  }
  const file = join(videoDir, `${scene}.y4m`);
  writeFileSync(file, pictureY4m(scenePicture(scene)));
  return launchChromium([
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    `--use-file-for-fake-video-capture=${file}`,
  ]);
}

/** What the test reads from the page: every element event, and every request to the proxy's API. */
export interface Recorder {
  readonly page: Page;
  /** Requests the page sent to the proxy's face-liveness route. */
  readonly livenessRequests: string[];
  /** The origin of every request the page made (data: and blob: URLs left out). */
  readonly origins: Set<string>;
  /** Content-Security-Policy violations the page logged (the example's policy allows only itself and the proxy). */
  readonly cspViolations: string[];
}

/** Opens the example's sign-up page, recording the element's events in `window.__events`. */
export async function openSignup(browser: Browser): Promise<Recorder> {
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 } });
  const page = await context.newPage();
  const livenessRequests: string[] = [];
  const origins = new Set<string>();
  page.on("request", (request) => {
    if (/^https?:/.test(request.url())) origins.add(new URL(request.url()).origin);
    if (request.url().includes("/v1/face-liveness") && request.method() === "POST") {
      livenessRequests.push(request.url());
    }
  });
  await page.addInitScript(() => {
    const events: Array<{ type: string; detail: unknown }> = [];
    (window as unknown as { __events: typeof events }).__events = events;
    for (const type of ["liveness-state", "liveness-complete", "liveness-error"]) {
      document.addEventListener(type, (event) =>
        events.push({ type, detail: (event as CustomEvent).detail }),
      );
    }
  });
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(STACK.example);
  return { page, livenessRequests, origins, cspViolations: violations };
}

/** The element's own message (its live region). */
export async function elementMessage(page: Page): Promise<string> {
  return (await page.locator("liveness-capture .message").textContent()) ?? "";
}

/** The element's current state. */
export function elementState(page: Page): Promise<string | null> {
  return page.locator("liveness-capture").getAttribute("data-state");
}

/** Events of one type recorded so far. */
export function events<T>(page: Page, type: string): Promise<T[]> {
  return page.evaluate(
    (wanted) =>
      (window as unknown as { __events: Array<{ type: string; detail: unknown }> }).__events
        .filter((event) => event.type === wanted)
        .map((event) => event.detail),
    type,
  ) as Promise<T[]>;
}

/** The element's figures of this run (see LivenessCaptureElement.metrics). */
export function elementMetrics(page: Page): Promise<{ guidanceUpdates: number; detector: string }> {
  return page.evaluate(() => {
    const element = document.querySelector("liveness-capture") as unknown as {
      metrics: { guidanceUpdates: number; detector: string };
    };
    return { ...element.metrics };
  });
}

/** How many guidance updates the element has made in this run. */
export async function guidanceUpdates(page: Page): Promise<number> {
  return (await elementMetrics(page)).guidanceUpdates;
}

const axeSource = readFileSync(fileURLToPath(import.meta.resolve("axe-core/axe.min.js")), "utf8");

/**
 * Every axe-core violation on the page (the element's shadow DOM included), in the light and the dark colour
 * scheme; `[]` when clean.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the example's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const found: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    const violations = await page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
      const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map(
        (v: { id: string; impact: string; nodes: Array<{ target: unknown }> }) =>
          `${v.id} [${v.impact}] ${JSON.stringify(v.nodes.map((n) => n.target))}`,
      ) as string[];
    });
    found.push(...violations.map((v) => `${scheme}: ${v}`));
  }
  return found;
}

/** The label of the focused element, looking into shadow roots. */
export function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent?.trim() ?? "";
  });
}
