import { bytesToBase64 } from "@liveness-kit/core/image";
import { IMAGE_LIMITS } from "@liveness-kit/core/spec";
import { describe, expect, it } from "vitest";
import { portraitCutShort, portraitOverNoise } from "../../test/damaged-portraits.js";
import { flatPng } from "../../test/deep-png.js";
import { portraitBase64, portraitBytes } from "../../test/portraits.js";
import { ProxyError } from "../answers/proxy-error.js";
import { preparePicture } from "./prepare-picture.js";

async function rejection(work: () => Promise<unknown>): Promise<ProxyError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ProxyError) return error;
    throw error;
  }
  throw new Error("expected a ProxyError");
}

interface Report {
  ok: boolean;
  bytes: number;
  info?: { format: string; width: number };
  problems: { code: string; message: string; fix: string }[];
}

describe("preparePicture", () => {
  it("refuses a PNG whose data would inflate past 8-bit RGBA at 1080x1920, without inflating it", async () => {
    const deep = await flatPng(1080, 1920, 6, 16);
    expect(deep.length).toBeLessThan(100_000);
    const error = await rejection(() => preparePicture({ kind: "file", bytes: deep }));
    expect([error.status, error.code]).toEqual([422, "image_rejected"]);
    expect((error.details as Report).problems.map((problem) => problem.code)).toEqual(["data_too_large"]);
  });

  it("keeps only the image itself when data follows its end marker, and counts what it dropped", async () => {
    const image = portraitBytes("portrait");
    for (const tail of [
      new Uint8Array(300).fill(0x41),
      new TextEncoder().encode("<html><script>x</script>"),
    ]) {
      const sent = new Uint8Array(image.length + tail.length);
      sent.set(image);
      sent.set(tail, image.length);
      const picture = await preparePicture({ kind: "file", bytes: sent });
      if (picture.mode === "url") throw new Error("expected bytes");
      expect(picture.bytes).toEqual(image);
      expect(picture.droppedBytes).toBe(tail.length);
    }
    const clean = await preparePicture({ kind: "file", bytes: image });
    expect(clean.mode !== "url" && clean.droppedBytes).toBe(0);
  });

  it("sends a small picture as base64: its checked bytes, with the caller's text they were decoded from", async () => {
    const base64 = portraitBase64("portrait");
    const picture = await preparePicture({ kind: "base64", base64 });
    expect(picture.mode).toBe("base64");
    if (picture.mode !== "base64") return;
    expect(picture.format).toBe("jpeg");
    expect(picture.bytes).toEqual(portraitBytes("portrait"));
    expect(picture.base64).toBe(base64);
    // Bytes decoded already (a lifted JSON picture) are used as they are.
    const decoded = portraitBytes("portrait");
    const lifted = await preparePicture({ kind: "base64", base64, bytes: decoded });
    expect(lifted.mode === "base64" && lifted.bytes.buffer).toBe(decoded.buffer);
  });

  it("hands on no text when bytes after the image were dropped, or the picture came as a file", async () => {
    const image = portraitBytes("portrait");
    const withTail = new Uint8Array(image.length + 3);
    withTail.set(image);
    withTail.set([0x41, 0x42, 0x43], image.length);
    const trimmed = await preparePicture({ kind: "base64", base64: bytesToBase64(withTail) });
    expect(trimmed.mode === "base64" && trimmed.base64).toBeUndefined();
    const file = await preparePicture({ kind: "file", bytes: image });
    expect(file.mode === "base64" && file.base64).toBeUndefined();
  });

  it("sends a picture of 0.6-1 MiB by file stream, from JSON or multipart", async () => {
    const bytes = portraitBytes("largePortrait");
    expect(bytes.byteLength).toBeGreaterThan(IMAGE_LIMITS.maxBase64SourceBytes);
    expect((await preparePicture({ kind: "base64", base64: portraitBase64("largePortrait") })).mode).toBe(
      "file",
    );
    expect((await preparePicture({ kind: "file", bytes })).mode).toBe("file");
    expect((await preparePicture({ kind: "file", bytes: portraitBytes("portrait") })).mode).toBe("base64");
  });

  it("refuses base64 that core cannot decode", async () => {
    for (const base64 of ["not base64!", "data:image/jpeg;base64,AAAA", "AAA\nA"]) {
      const error = await rejection(() => preparePicture({ kind: "base64", base64 }));
      expect([error.status, error.code]).toEqual([400, "invalid_base64"]);
    }
  });

  it("refuses an out-of-spec image with core's report, before any call", async () => {
    const error = await rejection(() => preparePicture({ kind: "file", bytes: portraitBytes("landscape") }));
    expect([error.status, error.code]).toEqual([422, "image_rejected"]);
    const report = error.details as {
      ok: boolean;
      problems: { code: string; fix: string }[];
      info: { width: number };
    };
    expect(report.ok).toBe(false);
    expect(report.info.width).toBe(640);
    expect(report.problems.map((problem) => problem.code)).toEqual(expect.arrayContaining(["not_portrait"]));
    expect(report.problems.every((problem) => problem.fix.length > 0)).toBe(true);
    expect(error.hint).toContain(report.problems[0]?.fix);
  });

  it.each([
    ["an empty file", new Uint8Array(0), "empty"],
    ["text", new TextEncoder().encode("hello, I am not an image"), "unknown_format"],
    ["a GIF", new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000"), "unknown_format"],
    ["a cut-off JPEG", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]), "truncated"],
  ])("refuses %s", async (_name, bytes, problem) => {
    const error = await rejection(() => preparePicture({ kind: "file", bytes }));
    expect(error.status).toBe(422);
    expect((error.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toContain(
      problem,
    );
  });

  it("refuses a picture over 1 MiB", async () => {
    const large = portraitBytes("largePortrait");
    const tooLarge = new Uint8Array(IMAGE_LIMITS.maxBytes + 1);
    tooLarge.set(large);
    const error = await rejection(() => preparePicture({ kind: "file", bytes: tooLarge }));
    expect((error.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toContain(
      "too_large",
    );
  });

  it("refuses any image.url when no image host is allowed (the default)", async () => {
    const error = await rejection(() =>
      preparePicture({ kind: "url", url: "https://images.example.com/face.jpg" }),
    );
    expect([error.status, error.code]).toEqual([400, "image_url_disabled"]);
    expect(error.details).toEqual({
      issues: [expect.objectContaining({ field: "image.url", code: "url_mode_off" })],
    });
  });

  it("keeps an https URL on an allowed host and refuses a private one with the reason", async () => {
    const hosts = ["images.example.com"];
    expect(await preparePicture({ kind: "url", url: "https://images.example.com/face.jpg" }, hosts)).toEqual({
      mode: "url",
      url: "https://images.example.com/face.jpg",
    });
    const elsewhere = await rejection(() =>
      preparePicture({ kind: "url", url: "https://other.example.com/face.jpg" }, hosts),
    );
    expect(elsewhere.details).toEqual({
      issues: [expect.objectContaining({ field: "image.url", code: "host_not_allowed" })],
    });
    const error = await rejection(() =>
      preparePicture({ kind: "url", url: "https://169.254.169.254/latest" }, hosts),
    );
    expect([error.status, error.code]).toEqual([400, "invalid_request"]);
    expect(error.details).toEqual({
      issues: [expect.objectContaining({ field: "image.url", code: "ip_not_public" })],
    });
  });

  describe("the data check, after the header check", () => {
    it.each([
      ["base64", (bytes: Uint8Array) => ({ kind: "base64" as const, base64: bytesToBase64(bytes) })],
      ["a file upload", (bytes: Uint8Array) => ({ kind: "file" as const, bytes })],
    ])(
      "refuses a sound JPEG header over random data, sent as %s, with the data report",
      async (_name, source) => {
        const bytes = portraitOverNoise("portrait");
        const error = await rejection(() => preparePicture(source(bytes)));
        expect([error.status, error.code]).toEqual([422, "image_rejected"]);
        const report = error.details as Report;
        // The same shape as checkImage's report: the header's facts, then the problem and its fix.
        expect(report).toMatchObject({
          ok: false,
          bytes: bytes.length,
          info: { format: "jpeg", width: 480 },
        });
        expect(report.problems).toEqual([
          {
            code: "corrupt_data",
            message: expect.stringContaining("byte"),
            fix: expect.stringContaining("re-export the photo as JPEG"),
          },
        ]);
        expect(error.message).toBe(`The image cannot be used. ${report.problems[0]!.message}`);
        expect(error.hint).toBe(report.problems[0]!.fix);
      },
    );

    it("refuses a JPEG cut off mid-scan as truncated", async () => {
      const error = await rejection(() =>
        preparePicture({ kind: "file", bytes: portraitCutShort("portrait") }),
      );
      expect((error.details as Report).problems.map((problem) => problem.code)).toEqual(["truncated"]);
    });

    it("runs only when the header passed: a header problem is reported alone", async () => {
      const landscape = portraitBytes("landscape");
      const error = await rejection(() => preparePicture({ kind: "file", bytes: landscape.subarray(0, -2) }));
      expect((error.details as Report).problems.map((problem) => problem.code)).not.toContain("truncated");
      expect((error.details as Report).problems.map((problem) => problem.code)).toContain("not_portrait");
    });

    it("passes every generated portrait, the 0.6-1 MiB one too", async () => {
      for (const name of ["portrait", "otherPortrait", "largePortrait", "blank"] as const) {
        const picture = await preparePicture({ kind: "file", bytes: portraitBytes(name) });
        expect(picture.mode).not.toBe("url");
      }
    });
  });
});
