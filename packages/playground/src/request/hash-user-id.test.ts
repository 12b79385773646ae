import { describe, expect, test } from "vitest";
import { hashUserId } from "./hash-user-id.js";

async function webCryptoHex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("hashUserId", () => {
  test("matches the FIPS 180-2 test vectors", () => {
    expect(hashUserId("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashUserId("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  test("agrees with WebCrypto on UTF-8 ids, hashed exactly as typed", async () => {
    for (const id of ["user-42", " user-42 ", "Émilie", "用户", "👩‍💻"]) {
      expect(hashUserId(id)).toBe(await webCryptoHex(id));
    }
    expect(hashUserId("user-42")).not.toBe(hashUserId(" user-42 "));
    expect(hashUserId("user-42")).toMatch(/^[0-9a-f]{64}$/);
  });
});
