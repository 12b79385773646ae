import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { STACK } from "../support/stack-urls.js";

// The playground's layout in real Chromium, at a phone's size, a tablet's and a laptop's, against the local stack.
let browser: Browser;
const axeSource = readFileSync(fileURLToPath(import.meta.resolve("axe-core/axe.min.js")), "utf8");

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(viewport: { width: number; height: number }, mobile: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile });
  const page = await context.newPage();
  await page.goto(STACK.playground);
  await page.getByTestId("send").waitFor();
  return page;
}

/** The element's box lies within the viewport (it can be seen without scrolling sideways or down). */
async function inViewport(page: Page, testIdOrSelector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return (
      box.width > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight
    );
  }, testIdOrSelector);
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical")
      .map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
  });
}

describe.each([
  { width: 390, height: 844, mobile: true },
  { width: 768, height: 1024, mobile: false },
])("at $width x $height", ({ width, height, mobile }) => {
  test("the side bar starts collapsed, nothing is cut off, and pick, send, read works with a thumb", async () => {
    const page = await open({ width, height }, mobile);
    expect(await page.locator(".sidebar").isVisible()).toBe(false);
    const editor = await page.locator("#editor").boundingBox();
    expect(editor!.width).toBeGreaterThanOrEqual(width - 60);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    for (const selector of [".command-center", "[data-testid=status-proxy]", "[data-testid=send]"]) {
      expect(await inViewport(page, selector), selector).toBe(true);
    }
    // Panel tabs scroll sideways inside their strip rather than pushing the page wider.
    const strip = await page.locator("#panel > .strip > .tabs").boundingBox();
    expect(strip!.x + strip!.width).toBeLessThanOrEqual(width);

    // Open the Explorer over the editor, pick a sample: the side bar gets out of the way.
    await page.getByRole("button", { name: "Explorer (samples)" }).click();
    await expect.poll(() => page.locator(".sidebar").isVisible()).toBe(true);
    expect(await axeViolations(page), "side bar open").toEqual([]);
    await page.getByTestId("sample-pass").click();
    await expect.poll(() => page.locator(".sidebar").isVisible()).toBe(false);
    await page.locator("[data-testid=image-card][data-state=ready]").waitFor({ timeout: 30_000 });
    // However far the form is scrolled, Send stays in view.
    await page.locator("#user-id").scrollIntoViewIfNeeded();
    expect(await inViewport(page, "[data-testid=send]")).toBe(true);
    await page.getByTestId("send").click();
    await expect
      .poll(() => page.getByTestId("result-badge").textContent(), { timeout: 30_000 })
      .toBe("Passed");
    await page.getByTestId("result-badge").scrollIntoViewIfNeeded();
    expect(await inViewport(page, "[data-testid=result-badge]")).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.screenshot({
      path: fileURLToPath(new URL(`../../test-results/playground-${width}.png`, import.meta.url)),
    });
    expect(await axeViolations(page), "after a send").toEqual([]);
    await page.context().close();
  });
});

describe("at 1440 x 900", () => {
  test("method, URL and Send sit together at the top of the request, in view however the form scrolls", async () => {
    const page = await open({ width: 1440, height: 900 }, false);
    expect(await inViewport(page, "[data-testid=send]")).toBe(true);
    const bar = await page.getByRole("group", { name: "Request line" }).boundingBox();
    const tabs = await page.locator("#editor .tabs").boundingBox();
    expect(bar!.y).toBeLessThan(tabs!.y);
    expect(await page.getByTestId("request-url").inputValue()).toBe(`${STACK.proxy}/v1/face-liveness`);
    await page.evaluate(() => {
      const panel = document.querySelector("#editor-panel-request")!;
      panel.scrollTop = panel.scrollHeight;
    });
    expect(await inViewport(page, "[data-testid=send]")).toBe(true);
    expect(await page.locator(".sidebar").isVisible()).toBe(true);
    await page.context().close();
  });
});
