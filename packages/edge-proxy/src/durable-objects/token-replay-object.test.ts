import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("TokenReplayObject", () => {
  it("claims a token id once; every later claim is a replay", async () => {
    const stub = env.USED_TOKENS.get(env.USED_TOKENS.idFromName(crypto.randomUUID()));
    const expiresAt = Date.now() + 60_000;
    expect(await stub.claim(expiresAt)).toBe(true);
    expect(await stub.claim(expiresAt)).toBe(false);
  });

  it("refuses all but one of concurrent claims", async () => {
    const stub = env.USED_TOKENS.get(env.USED_TOKENS.idFromName(crypto.randomUUID()));
    const claims = await Promise.all(Array.from({ length: 5 }, () => stub.claim(Date.now() + 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("forgets the token when it expires", async () => {
    const stub = env.USED_TOKENS.get(env.USED_TOKENS.idFromName(crypto.randomUUID()));
    expect(await stub.claim(Date.now() + 60_000)).toBe(true);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stub.claim(Date.now() + 60_000)).toBe(true);
  });
});
