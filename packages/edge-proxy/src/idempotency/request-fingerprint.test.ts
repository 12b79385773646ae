import { describe, expect, it } from "vitest";
import { requestFingerprint } from "./request-fingerprint.js";

const user = "a".repeat(64);
const bytes = new Uint8Array([1, 2, 3]);

describe("requestFingerprint", () => {
  it("is the same for the same picture, however it was sent", async () => {
    const base64 = await requestFingerprint({
      merchantUserId: user,
      faceQualityCheck: false,
      picture: { mode: "base64", bytes, format: "jpeg" },
    });
    const file = await requestFingerprint({
      merchantUserId: user,
      faceQualityCheck: false,
      picture: { mode: "file", bytes, format: "jpeg" },
    });
    expect(base64).toBe(file);
    expect(base64).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with the user, the quality flag, the picture bytes or the URL", async () => {
    const picture = { mode: "file" as const, bytes, format: "jpeg" as const };
    const prints = await Promise.all([
      requestFingerprint({ merchantUserId: user, faceQualityCheck: false, picture }),
      requestFingerprint({ merchantUserId: "b".repeat(64), faceQualityCheck: false, picture }),
      requestFingerprint({ merchantUserId: user, faceQualityCheck: true, picture }),
      requestFingerprint({
        merchantUserId: user,
        faceQualityCheck: false,
        picture: { ...picture, bytes: new Uint8Array([1, 2, 4]) },
      }),
      requestFingerprint({
        merchantUserId: user,
        faceQualityCheck: false,
        picture: { mode: "url", url: "https://a.example/x.jpg" },
      }),
      requestFingerprint({
        merchantUserId: user,
        faceQualityCheck: false,
        picture: { mode: "url", url: "https://a.example/y.jpg" },
      }),
    ]);
    expect(new Set(prints).size).toBe(prints.length);
  });
});
