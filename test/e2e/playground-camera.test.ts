import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { pictureJpeg, scenePicture } from "../fixtures/face-pictures.js";
import { STACK } from "../support/stack-urls.js";
import { axeViolations, browserWithCamera, removeVideos } from "./capture-camera.js";

// The playground's camera path: the capture component (`capture-only`) in real Chromium whose camera plays a
// video made from a photo of one real face, then the playground's own pipeline and Send, against the local
// stack. Detection is slow on a shared 2-core machine, so every wait is on a state, with generous limits.
const LONG = 90_000;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(() => removeVideos());

const poll = { timeout: LONG, interval: 250 };

/** The component's live-region text and state, inside the playground's camera dialog. */
const component = (page: Page) => page.locator("[data-testid=camera-dialog] liveness-capture");

describe("the playground's camera (the capture component)", () => {
  test("camera -> guidance -> taken by itself -> the picture to send -> Send -> Passed; nothing else sent, axe clean", async () => {
    browser = await browserWithCamera("oneFace");
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const livenessPosts: string[] = [];
    const origins = new Set<string>();
    page.on("request", (request) => {
      if (/^https?:/.test(request.url())) origins.add(new URL(request.url()).origin);
      if (request.url().includes("/v1/face-liveness") && request.method() === "POST") {
        livenessPosts.push(request.url());
      }
    });
    await page.goto(STACK.playground);
    await page.getByTestId("send").waitFor();
    // The component is not part of the first load.
    expect(await page.evaluate(() => customElements.get("liveness-capture"))).toBeUndefined();

    await page.getByRole("button", { name: "Take a photo with the camera" }).click();
    const dialog = page.getByRole("dialog", { name: "Take a photo with the camera" });
    await dialog.waitFor();
    await expect.poll(() => component(page).getAttribute("data-state"), poll).toBe("guiding");

    // Taken by itself once the guidance held; the dialog closes and the playground has the picture.
    await dialog.waitFor({ state: "detached", timeout: LONG });
    const card = page.locator('[data-testid=image-card][data-image-name="camera.jpg"][data-state=ready]');
    await card.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId("compress-before-dimensions").textContent())
      .toMatch(/720\D+960/);
    const logText = await page.getByTestId("log").textContent();
    expect(logText).toMatch(/taken by itself once every guidance check held; face at .*score 0\.\d\d/);
    // The component sent nothing; everything came from the playground's origin (detector and models
    // included: no CDN) or the proxy (its health check).
    expect(livenessPosts).toEqual([]);
    expect(
      [...origins].every((origin) => [STACK.playground, STACK.proxy].some((allowed) => allowed === origin)),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel(/user id/i).fill("camera-user@example.com");
    // The fake camera's face is a 370x493 cut of a demo photo scaled up twice: too soft for the emulator's
    // FaceQualityCheck gate (sharpness), as the example app's check, which sends without it, never asks.
    await page.getByLabel(/^Face quality check/).uncheck();
    await page.getByTestId("send").click();
    await expect
      .poll(() => page.getByTestId("result-badge").textContent(), { timeout: 30_000 })
      .toBe("Passed");
    expect(livenessPosts).toHaveLength(1);
  }, 150_000);

  test("no face: the dialog guides (axe clean), takes nothing, and Cancel leaves the request as it was", async () => {
    browser = await browserWithCamera("noFace");
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(STACK.playground);
    await page.getByTestId("send").waitFor();
    await page.getByRole("button", { name: "Take a photo with the camera" }).click();
    const dialog = page.getByRole("dialog", { name: "Take a photo with the camera" });
    await expect
      .poll(() => component(page).locator(".message").textContent(), poll)
      .toMatch(/No face in view/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await component(page).getAttribute("data-state")).toBe("guiding");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await page.locator('[data-testid=image-card][data-image-name="camera.jpg"]').count()).toBe(0);
    // Focus is back in the page (the camera button), not lost with the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Take a photo with the camera",
    );
  }, 150_000);

  test("camera refused: the dialog says so and offers a photo, which is checked, cropped and handed over", async () => {
    browser = await browserWithCamera("denied");
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(STACK.playground);
    await page.getByTestId("send").waitFor();
    await page.getByRole("button", { name: "Take a photo with the camera" }).click();
    await expect.poll(() => component(page).getAttribute("data-state"), poll).toBe("photo");
    expect(await component(page).locator(".message").textContent()).toMatch(/Camera access is blocked/);
    // The playground's log says why, too.
    await expect
      .poll(() => page.getByTestId("log").textContent())
      .toMatch(/Camera: Camera access is blocked/);
    expect(await axeViolations(page)).toEqual([]);
    // Headless Chromium, right after refusing the camera, sometimes ignores the first chooser a press asks
    // for (see capture.test.ts); a person would press again, and so does this, three times at most.
    const choose = component(page).getByRole("button", { name: "Choose a photo instead" });
    for (let attempt = 1; ; attempt++) {
      const chooser = page.waitForEvent("filechooser", { timeout: 5_000 });
      await choose.click();
      try {
        await (await chooser).setFiles({
          name: "me.jpg",
          mimeType: "image/jpeg",
          buffer: Buffer.from(pictureJpeg(scenePicture("oneFace"))),
        });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await page.getByRole("dialog").waitFor({ state: "detached", timeout: LONG });
    await page
      .locator('[data-testid=image-card][data-image-name="camera.jpg"][data-state=ready]')
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("log").textContent()).toMatch(
      /Chosen photo cropped to 720x960; face at .*score 0\.\d\d/,
    );
  }, 150_000);
});
