import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { portraitJpeg } from "@liveness-kit/emulator/portraits";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ATTACK_SAMPLE_USER_ID } from "../../packages/playground/src/request/samples.js";
import { launchChromium } from "../support/chromium.js";
import { STACK } from "../support/stack-urls.js";

// The playground in real Chromium against the local stack that `npm start` runs.
const resultsDir = fileURLToPath(new URL("../../test-results/", import.meta.url));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  await page.goto(STACK.playground);
});

/** A portrait JPEG of the repository's generator, handed to the file input like a picked file. */
async function pickImage(size: { width: number; height: number }, name = "photo.jpg"): Promise<void> {
  const bytes = portraitJpeg({ ...size, quality: 92 });
  await page.getByLabel(/image/i).setInputFiles({ name, mimeType: "image/jpeg", buffer: Buffer.from(bytes) });
  await page.locator(`[data-testid=image-card][data-image-name="${name}"]`).waitFor({ timeout: 30_000 });
  await page.locator("[data-testid=image-card][data-state=ready]").waitFor({ timeout: 30_000 });
}

async function setMerchantBizId(id: string): Promise<void> {
  await page.getByLabel("MerchantBizId", { exact: true }).fill(id);
}

const freshId = () => `pg${crypto.randomUUID().replaceAll("-", "")}`.slice(0, 32);

describe("the playground", () => {
  test("a 12 MP portrait is compressed to spec in the browser, sent, and passes", async () => {
    await pickImage({ width: 3000, height: 4000 }, "selfie-12mp.jpg");
    const after = await page.getByTestId("compress-after-dimensions").textContent();
    const [width, height] = (after ?? "").match(/\d+/g)!.map(Number);
    expect(Math.min(width!, height!)).toBe(720);
    expect(height!).toBeGreaterThan(width!);
    const bytes = Number(await page.getByTestId("compress-after-bytes").getAttribute("data-bytes"));
    expect(bytes).toBeGreaterThan(10_000);
    expect(bytes).toBeLessThanOrEqual(600 * 1024);
    expect(await page.getByTestId("compress-before-dimensions").textContent()).toMatch(/3000\D+4000/);

    await page.getByLabel(/user id/i).fill("alice@example.com");
    await setMerchantBizId(freshId());
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect
      .poll(() => page.getByTestId("result-badge").textContent(), { timeout: 30_000 })
      .toBe("Passed");
  });

  test("an attack scenario shows Not passed", async () => {
    const merchantBizId = freshId();
    const rule = await fetch(`${STACK.emulator}/__emulator/scenarios`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ merchantBizId, outcome: "attack" }),
    });
    expect(rule.ok).toBe(true);
    await pickImage({ width: 1200, height: 1600 });
    await page.getByLabel(/user id/i).fill("bob@example.com");
    await setMerchantBizId(merchantBizId);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect
      .poll(() => page.getByTestId("result-badge").textContent(), { timeout: 30_000 })
      .toBe("Not passed");
  });

  test("the Attack sample shows Not passed on every run, each with a fresh MerchantBizId", async () => {
    const userHash = createHash("sha256").update(ATTACK_SAMPLE_USER_ID).digest("hex");
    const rules = await (await fetch(`${STACK.emulator}/__emulator/scenarios`)).json();
    // Set by the stack itself (scripts/stack.mjs), as `npm start` does: the page needs no admin call.
    expect(rules.byMerchantUserId[userHash]).toMatchObject({ outcome: "attack" });
    await expect.poll(() => page.getByTestId("needs-emulator").textContent()).toMatch(/emulator/);
    const ids: string[] = [];
    for (let run = 0; run < 2; run++) {
      await page.getByTestId("sample-attack").click();
      await page
        .locator('[data-testid=image-card][data-image-name="sample-attack.jpg"][data-state=ready]')
        .waitFor({
          timeout: 30_000,
        });
      const id = await page.getByLabel("MerchantBizId", { exact: true }).inputValue();
      ids.push(id);
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await expect
        .poll(
          async () =>
            (await (await fetch(`${STACK.emulator}/__emulator/ledger?merchantBizId=${id}`)).json()).entries
              .length,
          { timeout: 30_000 },
        )
        .toBe(1);
      await expect
        .poll(() => page.getByTestId("result-badge").textContent(), { timeout: 30_000 })
        .toBe("Not passed");
      await page.getByTestId("result-badge").waitFor();
    }
    expect(ids[0]).not.toBe(ids[1]);
  });

  test("a landscape image and a tiny image are flagged before anything is sent", async () => {
    for (const size of [
      { width: 1600, height: 1200 },
      { width: 200, height: 260 },
    ]) {
      await pickImage(size, `bad-${size.width}.jpg`);
      await expect
        .poll(() => page.getByTestId("preflight-status").getAttribute("data-ok"), { timeout: 10_000 })
        .toBe("false");
      await page.getByLabel(/user id/i).fill("carol@example.com");
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await page.getByTestId("not-sent").waitFor({ timeout: 10_000 });
    }
  });

  test("keyboard only: pick, type, send with Ctrl+Enter", async () => {
    await pickImage({ width: 900, height: 1200 });
    // Reach the user id field by tabbing from the start of the page, then send with the keyboard shortcut.
    await page.locator("body").focus();
    let focusedLabel = "";
    for (let i = 0; i < 80 && !/user id/i.test(focusedLabel); i++) {
      await page.keyboard.press("Tab");
      focusedLabel = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.labels?.[0]?.textContent ?? "";
      });
    }
    expect(focusedLabel).toMatch(/user id/i);
    await page.keyboard.type("dave@example.com");
    const idField = page.getByLabel("MerchantBizId", { exact: true });
    await idField.fill(freshId());
    await idField.focus();
    await page.keyboard.press("Control+Enter");
    await expect
      .poll(() => page.getByTestId("result-badge").textContent(), { timeout: 30_000 })
      .toBe("Passed");
  });

  test("axe-core finds no serious violation, in light and dark themes (screenshots kept)", async () => {
    const axeSource = readFileSync(fileURLToPath(import.meta.resolve("axe-core/axe.min.js")), "utf8");
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await pickImage({ width: 900, height: 1200 });
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
      await page.screenshot({ path: `${resultsDir}playground-${scheme}.png`, fullPage: true });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
        const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
        return result.violations
          .filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical")
          .map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, `${scheme} theme`).toEqual([]);
    }
  });
});
