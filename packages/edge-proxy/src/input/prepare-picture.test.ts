import { IMAGE_LIMITS } from "@liveness-kit/core/spec";
import { describe, expect, it } from "vitest";
import { portraitBase64, portraitBytes } from "../../test/portraits.js";
import { ProxyError } from "../answers/proxy-error.js";
import { preparePicture } from "./prepare-picture.js";

function rejection(work: () => unknown): ProxyError {
  try {
    work();
  } catch (error) {
    if (error instanceof ProxyError) return error;
    throw error;
  }
  throw new Error("expected a ProxyError");
}

describe("preparePicture", () => {
  it("sends a small picture as base64, re-encoded from the checked bytes", () => {
    const picture = preparePicture({ kind: "base64", base64: portraitBase64("portrait") });
    expect(picture.mode).toBe("base64");
    if (picture.mode !== "base64") return;
    expect(picture.format).toBe("jpeg");
    expect(picture.base64).toBe(portraitBase64("portrait"));
  });

  it("sends a picture of 0.6-1 MiB by file stream, from JSON or multipart", () => {
    const bytes = portraitBytes("largePortrait");
    expect(bytes.byteLength).toBeGreaterThan(IMAGE_LIMITS.maxBase64SourceBytes);
    expect(preparePicture({ kind: "base64", base64: portraitBase64("largePortrait") }).mode).toBe("file");
    expect(preparePicture({ kind: "file", bytes }).mode).toBe("file");
    expect(preparePicture({ kind: "file", bytes: portraitBytes("portrait") }).mode).toBe("base64");
  });

  it("refuses base64 that core cannot decode", () => {
    for (const base64 of ["not base64!", "data:image/jpeg;base64,AAAA", "AAA\nA"]) {
      const error = rejection(() => preparePicture({ kind: "base64", base64 }));
      expect([error.status, error.code]).toEqual([400, "invalid_base64"]);
    }
  });

  it("refuses an out-of-spec image with core's report, before any call", () => {
    const error = rejection(() => preparePicture({ kind: "file", bytes: portraitBytes("landscape") }));
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
  ])("refuses %s", (_name, bytes, problem) => {
    const error = rejection(() => preparePicture({ kind: "file", bytes }));
    expect(error.status).toBe(422);
    expect((error.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toContain(
      problem,
    );
  });

  it("refuses a picture over 1 MiB", () => {
    const large = portraitBytes("largePortrait");
    const tooLarge = new Uint8Array(IMAGE_LIMITS.maxBytes + 1);
    tooLarge.set(large);
    const error = rejection(() => preparePicture({ kind: "file", bytes: tooLarge }));
    expect((error.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toContain(
      "too_large",
    );
  });

  it("keeps a public https URL and refuses a private one with the reason", () => {
    expect(preparePicture({ kind: "url", url: "https://images.example.com/face.jpg" })).toEqual({
      mode: "url",
      url: "https://images.example.com/face.jpg",
    });
    const error = rejection(() => preparePicture({ kind: "url", url: "https://169.254.169.254/latest" }));
    expect([error.status, error.code]).toEqual([400, "invalid_request"]);
    expect(error.details).toEqual({
      issues: [expect.objectContaining({ field: "image.url", code: "ip_not_public" })],
    });
  });
});
