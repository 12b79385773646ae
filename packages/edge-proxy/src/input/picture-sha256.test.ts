import { sha256Hex } from "@liveness-kit/core/sign";
import { describe, expect, it } from "vitest";
import { pictureSha256 } from "./picture-sha256.js";

describe("pictureSha256", () => {
  it("is the SHA-256 of the bytes, the same promise for the same picture, another for other bytes", async () => {
    const picture = new TextEncoder().encode("a picture");
    const first = pictureSha256(picture);
    expect(pictureSha256(picture)).toBe(first);
    expect(await first).toBe(await sha256Hex(picture));
    const copy = picture.slice();
    expect(pictureSha256(copy)).not.toBe(first);
    expect(await pictureSha256(new TextEncoder().encode("another"))).not.toBe(await first);
  });
});
