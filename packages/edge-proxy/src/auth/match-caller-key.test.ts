import { sha256Hex } from "@liveness-kit/core/sign";
import { describe, expect, it } from "vitest";
import { matchCallerKey } from "./match-caller-key.js";

describe("matchCallerKey", () => {
  it("finds the entry whose SHA-256 matches the key, among several", async () => {
    const entries = [
      { id: "a", sha256: await sha256Hex("key-a"), role: "browser" as const },
      { id: "b", sha256: await sha256Hex("key-b"), role: "browser" as const },
    ];
    expect((await matchCallerKey("key-b", entries))?.id).toBe("b");
    expect((await matchCallerKey("key-a", entries))?.id).toBe("a");
  });

  it("finds nothing for another key, a hash given as the key, or no entries", async () => {
    const hash = await sha256Hex("key-a");
    const entries = [{ id: "a", sha256: hash, role: "browser" as const }];
    expect(await matchCallerKey("key-c", entries)).toBeUndefined();
    expect(await matchCallerKey(hash, entries)).toBeUndefined();
    expect(await matchCallerKey("key-a", [])).toBeUndefined();
  });
});
