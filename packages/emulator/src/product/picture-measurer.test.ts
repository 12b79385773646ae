import { readImageInfo } from "@liveness-kit/core";
import { describe, expect, it, vi } from "vitest";
import { portraitJpeg, portraitPng } from "../portraits/synthetic-portrait.js";
import { measurePicture } from "./measure-picture.js";
import { PictureMeasurer } from "./picture-measurer.js";

function infoOf(bytes: Uint8Array) {
  const info = readImageInfo(bytes);
  if (!info) throw new Error("test picture without a header");
  return info;
}

describe("PictureMeasurer", () => {
  it("gives exactly the scores of measurePicture, JPEG and PNG, measured or reused", async () => {
    const measurer = new PictureMeasurer();
    for (const bytes of [
      portraitJpeg({ width: 480, height: 640 }),
      portraitPng({ width: 480, height: 640 }),
    ]) {
      const direct = await measurePicture(bytes, infoOf(bytes));
      expect(direct).toBeDefined();
      expect(await measurer.measure(bytes, infoOf(bytes))).toEqual(direct);
      expect(await measurer.measure(bytes, infoOf(bytes))).toEqual(direct);
    }
    expect(measurer.stats).toEqual({ measured: 2, reused: 2 });
  });

  it("decodes the same bytes once, even when they arrive together; other bytes again, even with the same pixels", async () => {
    const measure = vi.fn(measurePicture);
    const measurer = new PictureMeasurer({ measure });
    const bytes = portraitJpeg({ width: 480, height: 640 });
    const answers = await Promise.all(
      [bytes, bytes.slice(), bytes.slice()].map((copy) => measurer.measure(copy, infoOf(copy))),
    );
    expect(measure).toHaveBeenCalledTimes(1);
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
    // The same pixels, other bytes: a comment segment ("hi") after the start marker.
    const commented = new Uint8Array([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x04, 0x68, 0x69, ...bytes.subarray(2)]);
    expect(await measurer.measure(commented, infoOf(commented))).toEqual(answers[0]);
    expect(measure).toHaveBeenCalledTimes(2);
    expect(measurer.stats).toEqual({ measured: 2, reused: 2 });
  });

  it("remembers a picture that cannot be decoded, and does not keep a measurement that failed", async () => {
    const info = infoOf(portraitJpeg({ width: 480, height: 640 }));
    const undecodable = vi.fn(async () => undefined);
    const measurer = new PictureMeasurer({ measure: undecodable });
    expect(await measurer.measure(new Uint8Array([1, 2, 3]), info)).toBeUndefined();
    expect(await measurer.measure(new Uint8Array([1, 2, 3]), info)).toBeUndefined();
    expect(undecodable).toHaveBeenCalledTimes(1);

    const failing = vi.fn(() => Promise.reject(new Error("decoder crashed")));
    const flaky = new PictureMeasurer({ measure: failing });
    await expect(flaky.measure(new Uint8Array([4]), info)).rejects.toThrow("decoder crashed");
    await expect(flaky.measure(new Uint8Array([4]), info)).rejects.toThrow("decoder crashed");
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it("on Node, measures distinct pictures one at a time", async () => {
    const measured: number[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const measurer = new PictureMeasurer({
      measure: async (bytes) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setImmediate(resolve));
        measured.push(bytes[0] ?? 0);
        running--;
        return undefined;
      },
    });
    expect(measurer.queue).toBeDefined();
    const info = infoOf(portraitJpeg({ width: 480, height: 640 }));
    await Promise.all([1, 2, 3].map((n) => measurer.measure(new Uint8Array([n, 0, 0]), info)));
    expect(mostAtOnce).toBe(1);
    expect(measured.sort()).toEqual([1, 2, 3]);
  });
});
