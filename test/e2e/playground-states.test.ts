import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { STACK } from "../support/stack-urls.js";

// The playground's newer states in real Chromium against the local stack: what it says about the upstream,
// and axe-core on each state (sending, Settings with environments, URL mode, Problems, Code, Timeline, the
// Receipt tab verified, refused and absent).
let browser: Browser;
let page: Page;
const axeSource = readFileSync(fileURLToPath(import.meta.resolve("axe-core/axe.min.js")), "utf8");

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await page.goto(STACK.playground);
  await page.getByTestId("send").waitFor();
});

async function axeViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical")
      .map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
  });
}

async function loadPassSample(): Promise<void> {
  await page.getByTestId("sample-pass").click();
  await page
    .locator('[data-testid=image-card][data-image-name="sample-pass.jpg"][data-state=ready]')
    .waitFor({
      timeout: 30_000,
    });
}

describe("the playground's states", () => {
  test("the status bar and the result say the upstream is the local emulator", async () => {
    await expect.poll(() => page.getByTestId("status-upstream").textContent()).toBe("Upstream: emulator");
    expect(await page.getByTestId("status-upstream").isVisible()).toBe(true);
    await loadPassSample();
    await page.getByTestId("send").click();
    await expect
      .poll(() => page.getByTestId("result-badge").textContent(), { timeout: 30_000 })
      .toBe("Passed");
    expect(await page.getByTestId("result-upstream").textContent()).toContain("emulator");
  });

  test("axe finds nothing serious while sending, in Settings, URL mode, Problems, Code and Timeline", async () => {
    // A slow upstream for this user id holds the page in its sending state long enough to check it.
    const userId = `slow-${crypto.randomUUID()}`;
    const merchantUserId = createHash("sha256").update(userId).digest("hex");
    const rule = await fetch(`${STACK.emulator}/__emulator/scenarios`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ merchantUserId, outcome: "pass", latencyMs: 4_000 }),
    });
    expect(rule.ok).toBe(true);
    await loadPassSample();
    await page.getByLabel(/user id/i).fill(userId);
    await page.getByTestId("send").click();
    await page.getByTestId("sending").waitFor();
    expect(await axeViolations(), "sending").toEqual([]);
    await expect
      .poll(() => page.getByTestId("result-badge").textContent(), { timeout: 30_000 })
      .toBe("Passed");

    for (const tab of ["timeline", "code", "problems", "headers", "raw"]) {
      await page.getByTestId(`panel-tab-${tab}`).click();
      expect(await axeViolations(), tab).toEqual([]);
    }
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByTestId("environment-select").waitFor();
    expect(await axeViolations(), "settings with environments").toEqual([]);
    await page.getByRole("button", { name: "Explorer (samples)" }).click();
    await page.getByTestId("sample-url").click();
    await page.getByTestId("url-mode-note").waitFor();
    expect(await axeViolations(), "URL mode").toEqual([]);
    await page.getByTestId("status-environment").click();
    await page.getByTestId("command-palette").waitFor();
    expect(await axeViolations(), "environment switcher").toEqual([]);
  });

  test("after a reload the last response is back, and the collection and history views pass axe", async () => {
    await loadPassSample();
    await page.getByTestId("send").click();
    await expect
      .poll(() => page.getByTestId("result-badge").textContent(), { timeout: 30_000 })
      .toBe("Passed");
    await page.getByTestId("save-request").click();
    await page.reload();
    await expect
      .poll(() => page.getByTestId("result-badge").textContent(), { timeout: 10_000 })
      .toBe("Passed");
    expect(await page.getByTestId("saved-item").count()).toBe(1);
    expect(await axeViolations(), "explorer with a saved request").toEqual([]);
    await page.getByRole("button", { name: "History" }).click();
    await page.getByTestId("history-search").fill("Passed");
    expect(await axeViolations(), "history filtered").toEqual([]);
  });

  test("the API reference pane is built from the proxy's own /v1/openapi.json", async () => {
    const document = await (await fetch(`${STACK.proxy}/v1/openapi.json`)).json();
    await page.getByTestId("editor-tab-reference").click();
    await expect
      .poll(() => page.getByTestId("ref-title").textContent(), { timeout: 10_000 })
      .toBe(`${document.info.title} ${document.info.version}`);
    const endpoints = await page.getByTestId("ref-endpoint").allTextContents();
    expect(
      endpoints.some(
        (text) => text.includes("POST/v1/face-liveness") || text.includes("POST /v1/face-liveness"),
      ),
    ).toBe(true);
    const post = endpoints.find((text) => text.includes("/v1/face-liveness")) ?? "";
    for (const status of Object.keys(document.paths["/v1/face-liveness"].post.responses))
      expect(post).toContain(status);
    const schemas = await page.getByTestId("ref-schema").count();
    expect(schemas).toBe(Object.keys(document.components.schemas).length);
    // Schema names in types link to their sections.
    await page.locator("#editor-panel-reference a[href='#ref-schema-FaceLivenessAnswer']").first().click();
    expect(await page.locator("#ref-schema-FaceLivenessAnswer").isVisible()).toBe(true);
    expect(await axeViolations(), "API reference").toEqual([]);
  });

  test("the Receipt tab: the stack's receipt verified in the page against its key set, claims matching the answer; a tampered one refused; an error has none; axe clean in each", async () => {
    await loadPassSample();
    const userId = `receipt-${crypto.randomUUID()}`;
    await page.getByLabel(/user id/i).fill(userId);
    const merchantBizId = await page.getByLabel("MerchantBizId", { exact: true }).inputValue();
    const answered = page.waitForResponse((response) => response.url().endsWith("/v1/face-liveness"));
    await page.getByTestId("send").click();
    const answer = await (await answered).json();
    await expect
      .poll(() => page.getByTestId("result-badge").textContent(), { timeout: 30_000 })
      .toBe("Passed");
    await page.getByTestId("panel-tab-receipt").click();
    await expect
      .poll(() => page.getByTestId("receipt-verdict").textContent(), { timeout: 10_000 })
      .toBe("Signature verified");
    const claim = (name: string) =>
      page.locator(`[data-testid=receipt-claims] tr[data-claim=${name}] td`).first().textContent();
    expect(await claim("merchantBizId")).toBe(merchantBizId);
    expect(await claim("merchantUserId")).toBe(createHash("sha256").update(userId).digest("hex"));
    expect(await claim("transactionId")).toBe(answer.transactionId);
    expect(await claim("passed")).toBe("true");
    expect(await claim("iss")).toBe(new URL(STACK.proxy).origin);
    expect(await page.getByTestId("receipt-match").getAttribute("data-match")).toBe("true");
    // The local stack signs with the committed dev key: the tab says it proves nothing.
    expect(await page.getByTestId("receipt-dev-key").textContent()).toContain("proof of nothing");
    expect(await page.getByTestId("receipt-detail").textContent()).toContain(
      `${STACK.proxy}/.well-known/jwks.json`,
    );
    expect(await axeViolations(), "receipt verified").toEqual([]);

    // The Code tab's verify snippets carry this receipt.
    await page.getByTestId("panel-tab-code").click();
    expect(await page.getByTestId("code-verify-core").textContent()).toContain(answer.receipt);

    // The same answer with one claim of its receipt changed on the way: refused, and why.
    await page.route("**/v1/face-liveness", async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      const [header, claims = "", signature] = String(body.receipt).split(".");
      const changed = { ...JSON.parse(Buffer.from(claims, "base64url").toString("utf8")), passed: false };
      body.receipt = `${header}.${Buffer.from(JSON.stringify(changed)).toString("base64url")}.${signature}`;
      await route.fulfill({ response, json: body });
    });
    await page.getByTestId("send").click();
    await page.getByTestId("panel-tab-receipt").click();
    await expect
      .poll(() => page.getByTestId("receipt-status").getAttribute("data-reason"), { timeout: 30_000 })
      .toBe("bad_signature");
    expect(await page.getByTestId("receipt-verdict").textContent()).toBe(
      "Not verified: the signature does not match",
    );
    expect(await page.getByTestId("receipt-match").textContent()).toContain("passed: false ≠ true");
    expect(await axeViolations(), "receipt refused").toEqual([]);
    await page.unroute("**/v1/face-liveness");

    // An error answer (Alibaba's NoFaceDetected, from the emulator) has no receipt, and the tab says why.
    const noFaceUser = `noface-${crypto.randomUUID()}`;
    const rule = await fetch(`${STACK.emulator}/__emulator/scenarios`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        merchantUserId: createHash("sha256").update(noFaceUser).digest("hex"),
        outcome: "NoFaceDetected",
      }),
    });
    expect(rule.ok).toBe(true);
    await page.getByLabel(/user id/i).fill(noFaceUser);
    await page.getByTestId("send").click();
    await expect
      .poll(() => page.getByTestId("receipt-none").textContent(), { timeout: 30_000 })
      .toMatch(/only decided answers.*NoFaceDetected/);
    expect(await axeViolations(), "no receipt").toEqual([]);
  });
});
