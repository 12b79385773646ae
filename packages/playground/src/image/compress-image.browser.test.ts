import { readImageInfo, withExifOrientation } from "@liveness-kit/core/image";
import { afterEach, describe, expect, test } from "vitest";
import { compressImage } from "./compress-image.js";
import { preflightImage } from "./preflight-checklist.js";
import { generateSampleImage } from "./sample-image.js";

const RealWorker = globalThis.Worker;
afterEach(() => {
  globalThis.Worker = RealWorker;
});

/** Replaces `Worker` with one that records what each worker posts back. */
function spyOnWorkers(): { created: number; replies: unknown[] } {
  const log = { created: 0, replies: [] as unknown[] };
  globalThis.Worker = class extends RealWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      log.created++;
      this.addEventListener("message", (event) => log.replies.push(event.data));
    }
  };
  return log;
}

describe("compressImage (real Chromium, real worker)", () => {
  test("a generated 12 MP portrait (3000x4000) becomes a 720x960 JPEG of at most 600 KB, in the worker", async () => {
    const source = await generateSampleImage({ width: 3000, height: 4000 });
    const sourceInfo = readImageInfo(new Uint8Array(await source.arrayBuffer()));
    expect(sourceInfo).toMatchObject({ format: "jpeg", width: 3000, height: 4000 });
    const workers = spyOnWorkers();
    const progress: number[] = [];

    const result = await compressImage(
      source,
      { width: 3000, height: 4000 },
      { onProgress: (p) => progress.push(p) },
    );

    // The library ran in its worker and the worker delivered the file (no error, so no main-thread fallback).
    expect(workers.created).toBe(1);
    expect(
      workers.replies.some(
        (reply) => reply instanceof Object && "file" in reply && reply.file instanceof Blob,
      ),
    ).toBe(true);
    expect(workers.replies.some((reply) => reply instanceof Object && "error" in reply)).toBe(false);
    expect(progress.at(-1)).toBe(100);

    const info = readImageInfo(result.bytes);
    expect(info).toMatchObject({ format: "jpeg", width: 720, height: 960 });
    expect(result).toMatchObject({ width: 720, height: 960, maxWidthOrHeight: 960 });
    expect(result.bytes.length).toBeLessThanOrEqual(600 * 1024);
    expect(result.bytes.length).toBe(result.blob.size);
    expect(preflightImage(result.bytes, "base64").ok).toBe(true);
    console.info(
      `compressed 3000x4000 ${source.size} B -> ${info?.width}x${info?.height} ${result.bytes.length} B in ${result.durationMs.toFixed(0)} ms`,
    );
  });

  test("EXIF orientation is applied: a sideways-stored photo comes out upright and portrait", async () => {
    const stored = new Uint8Array(
      await (await generateSampleImage({ width: 1600, height: 1200 })).arrayBuffer(),
    );
    const rotated = withExifOrientation(stored, 6);
    const displayed = readImageInfo(rotated);
    expect(displayed).toMatchObject({ orientation: 6, width: 1200, height: 1600, storedWidth: 1600 });
    const result = await compressImage(new Blob([rotated], { type: "image/jpeg" }), displayed!);
    // The output has no EXIF: its stored pixels are upright.
    expect(readImageInfo(result.bytes)).toMatchObject({ orientation: 1, width: 720, height: 960 });
  });

  test("a landscape photo stays landscape (the preflight flags it; compression never rotates a picture)", async () => {
    const source = await generateSampleImage({ width: 1600, height: 1200 });
    const result = await compressImage(source, { width: 1600, height: 1200 });
    expect(readImageInfo(result.bytes)).toMatchObject({ width: 960, height: 720 });
    const preflight = preflightImage(result.bytes);
    expect(preflight.items.find((item) => item.id === "portrait")?.status).toBe("fail");
  });
});
