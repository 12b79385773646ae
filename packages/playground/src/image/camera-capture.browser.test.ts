import { readImageInfo } from "@liveness-kit/core/image";
import { describe, expect, test } from "vitest";
import { captureFromCamera } from "./camera-capture.js";

/** The open camera dialog's button with this text, once the fake camera delivers frames. */
async function buttonWhenLive(text: string): Promise<HTMLButtonElement> {
  await expect
    .poll(() => document.querySelector<HTMLVideoElement>("dialog.camera video")?.videoWidth ?? 0, {
      timeout: 10_000,
    })
    .toBeGreaterThan(0);
  const button = [...document.querySelectorAll<HTMLButtonElement>("dialog.camera button")].find(
    (b) => b.textContent === text,
  );
  if (!button) throw new Error(`no ${text} button`);
  return button;
}

describe("captureFromCamera (Chromium's fake camera)", () => {
  test("captures a 3:4 portrait JPEG from the centre of the frame and closes the dialog", async () => {
    const photo = captureFromCamera();
    (await buttonWhenLive("Capture")).click();
    const blob = await photo;
    expect(blob?.type).toBe("image/jpeg");
    const info = readImageInfo(new Uint8Array(await blob!.arrayBuffer()));
    expect(info?.format).toBe("jpeg");
    expect(info!.height).toBeGreaterThan(info!.width);
    expect(Math.abs(info!.width / info!.height - 3 / 4)).toBeLessThan(0.01);
    expect(document.querySelector("dialog.camera")).toBeNull();
  });

  test("Cancel resolves with nothing and closes the dialog", async () => {
    const photo = captureFromCamera();
    (await buttonWhenLive("Cancel")).click();
    expect(await photo).toBeUndefined();
    expect(document.querySelector("dialog.camera")).toBeNull();
  });
});
