import { describe, expect, test } from "vitest";
import { formatBytes, preflightImage } from "./preflight-checklist.js";

/** A minimal PNG header (signature + IHDR) of the given size, padded to `bytes`. */
function pngHeader(width: number, height: number, bytes = 64): Uint8Array {
  const out = new Uint8Array(Math.max(bytes, 33));
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  out.set([8, 2, 0, 0, 0], 24);
  return out;
}

describe("preflightImage", () => {
  test("a compliant portrait passes all four checks with its figures", () => {
    expect(preflightImage(pngHeader(720, 960, 2048)).ok).toBe(true);
    const list = preflightImage(pngHeader(720, 960, 2048), "base64").items;
    expect(list.map((i) => [i.id, i.status])).toEqual([
      ["format", "pass"],
      ["bytes", "pass"],
      ["resolution", "pass"],
      ["portrait", "pass"],
    ]);
    expect(list.find((i) => i.id === "resolution")?.detail).toBe("720x960 px");
    expect(list.find((i) => i.id === "bytes")?.detail).toBe("2.0 KB of 614.4 KB");
  });

  test("a landscape image fails the portrait check with core's fix", () => {
    const list = preflightImage(pngHeader(960, 720)).items;
    const portrait = list.find((i) => i.id === "portrait");
    expect(portrait?.status).toBe("fail");
    expect(portrait?.fix).toMatch(/portrait|3:4/);
    expect(list.find((i) => i.id === "resolution")?.status).toBe("pass");
  });

  test("a tiny image fails the resolution check; a big file fails the bytes check", () => {
    const tiny = preflightImage(pngHeader(360, 480)).items;
    expect(tiny.find((i) => i.id === "resolution")).toMatchObject({ status: "fail" });
    expect(tiny.find((i) => i.id === "portrait")).toMatchObject({ status: "pass" });
    const big = preflightImage(pngHeader(720, 960, 700_000), "base64").items;
    expect(big.find((i) => i.id === "bytes")).toMatchObject({ status: "fail" });
    expect(
      preflightImage(pngHeader(720, 960, 700_000), "url").items.find((i) => i.id === "bytes")?.status,
    ).toBe("pass");
  });

  test("bytes that are not an image fail the format check and leave the rest unknown", () => {
    const list = preflightImage(new TextEncoder().encode("GIF89a not supported")).items;
    expect(list.map((i) => i.status)).toEqual(["fail", "pass", "unknown", "unknown"]);
  });
});

describe("formatBytes", () => {
  test("uses binary units", () => {
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(629_146)).toBe("614.4 KB");
    expect(formatBytes(3_370_000)).toBe("3.21 MB");
  });
});
