import { readImageInfo } from "@liveness-kit/core/image";
import { describe, expect, test } from "vitest";
import { captureWithComponent, describeCapture } from "./camera-dialog.js";

// Chromium's synthetic camera (a moving test pattern, no face): the component's guidance runs on it and says
// so; the shutter still takes the photo, and the component hands it over instead of sending it.
const component = () => document.querySelector("[data-testid=camera-dialog] liveness-capture");
const inShadow = <T extends Element>(selector: string) => component()?.shadowRoot?.querySelector<T>(selector);

describe("captureWithComponent (the capture component in capture-only mode, fake camera)", () => {
  test("guidance runs on the camera; the shutter hands over the 720x960 portrait and closes the dialog", async () => {
    const sent: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name.includes("/v1/")) sent.push(entry.name);
    });
    observer.observe({ type: "resource", buffered: false });
    const taken = captureWithComponent();
    // The detector loaded (from this origin) and judged frames: the test pattern has no face.
    await expect
      .poll(() => inShadow(".message")?.textContent ?? "", { timeout: 60_000, interval: 200 })
      .toMatch(/No face in view/);
    expect(component()?.getAttribute("data-state")).toBe("guiding");
    inShadow<HTMLButtonElement>("[data-action=shutter]")?.click();
    const detail = await taken;
    observer.disconnect();
    expect(detail?.source).toBe("camera");
    expect(detail?.auto).toBe(false);
    expect(detail?.guidance).toBe("noFace");
    expect(detail?.face).toBeUndefined();
    expect(detail?.photo.type).toBe("image/jpeg");
    const info = readImageInfo(new Uint8Array(await detail!.photo.arrayBuffer()));
    expect([info?.format, info?.width, info?.height]).toEqual(["jpeg", 720, 960]);
    expect(describeCapture(detail!)).toBe(
      "Camera photo taken with the shutter (guidance said: noFace); no face seen.",
    );
    expect(document.querySelector("[data-testid=camera-dialog]")).toBeNull();
    expect(sent).toEqual([]);
  }, 90_000);

  test("Cancel resolves with nothing, stops the camera and closes the dialog", async () => {
    const taken = captureWithComponent();
    await expect
      .poll(() => inShadow<HTMLVideoElement>("video")?.videoWidth ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(0);
    const video = inShadow<HTMLVideoElement>("video");
    const stream = video?.srcObject as MediaStream;
    const cancel = [
      ...document.querySelectorAll<HTMLButtonElement>("[data-testid=camera-dialog] button"),
    ].find((button) => button.textContent === "Cancel");
    cancel?.click();
    expect(await taken).toBeUndefined();
    expect(document.querySelector("[data-testid=camera-dialog]")).toBeNull();
    expect(stream.getTracks().map((track) => track.readyState)).toEqual(["ended"]);
  }, 60_000);

  test("the log line says how the photo was taken and where the face is", () => {
    const photo = new Blob([]);
    expect(
      describeCapture({
        photo,
        source: "camera",
        auto: true,
        guidance: "ok",
        face: { box: { x: 90.4, y: 200, width: 540, height: 560.6 }, score: 0.834 },
      }),
    ).toBe(
      "Camera photo taken by itself once every guidance check held; face at 90,200 540x561, score 0.83.",
    );
    expect(describeCapture({ photo, source: "photo", auto: false, guidance: "ok" })).toBe(
      "Chosen photo cropped to 720x960; no face seen.",
    );
  });
});
