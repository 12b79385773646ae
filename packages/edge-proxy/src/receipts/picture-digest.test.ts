import { sha256Hex } from "@liveness-kit/core/sign";
import { describe, expect, it } from "vitest";
import { portraitBytes } from "../../test/portraits.js";
import { pictureDigest } from "./picture-digest.js";

describe("pictureDigest", () => {
  it("hashes the bytes sent, in base64 and file-stream mode alike", async () => {
    const bytes = portraitBytes("portrait");
    const expected = { imageSha256: await sha256Hex(bytes) };
    expect(await pictureDigest({ mode: "base64", bytes, format: "jpeg" })).toEqual(expected);
    expect(await pictureDigest({ mode: "file", bytes, format: "jpeg" })).toEqual(expected);
  });

  it("hashes the URL in URL mode, where the proxy never holds the picture", async () => {
    const url = "https://images.example.com/face.jpg";
    expect(await pictureDigest({ mode: "url", url })).toEqual({ imageUrlSha256: await sha256Hex(url) });
  });
});
