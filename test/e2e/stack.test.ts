import { portraitJpeg } from "@liveness-kit/emulator/portraits";
import { describe, expect, test } from "vitest";
import { STACK } from "../support/stack-urls.js";

// The README's first request, as a newcomer sends it with curl: through the proxy started by `npm start`,
// with the dev caller key, to the emulator behind it.
const hashedUserId = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"; // SHA-256 of "password"

function send(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${STACK.proxy}/v1/face-liveness`, {
    method: "POST",
    headers: { authorization: `Bearer ${STACK.callerKey}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

function newMerchantBizId(): string {
  return `e2e${crypto.randomUUID().replaceAll("-", "")}`.slice(0, 32);
}

describe("the local stack", () => {
  test("each part answers its health check", async () => {
    expect((await fetch(`${STACK.proxy}/healthz`)).status).toBe(200);
    expect((await fetch(`${STACK.emulator}/__emulator/health`)).status).toBe(200);
  });

  test("a JSON request with the dev caller key passes, and is billed once", async () => {
    const merchantBizId = newMerchantBizId();
    const image = Buffer.from(portraitJpeg()).toString("base64");
    const response = await send({ merchantBizId, merchantUserId: hashedUserId, image: { base64: image } });
    const answer = await response.json();
    expect(response.status, JSON.stringify(answer)).toBe(200);
    expect(answer).toMatchObject({ merchantBizId, passed: true, subCode: "200" });
    expect(answer.face.qualityScore).toBeGreaterThan(0);
    expect(response.headers.get("x-request-id")).toBeTruthy();

    const again = await send({ merchantBizId, merchantUserId: hashedUserId, image: { base64: image } });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replay")).toBe("true");

    const ledger = await (
      await fetch(`${STACK.emulator}/__emulator/ledger?merchantBizId=${merchantBizId}`)
    ).json();
    expect(ledger.entries).toHaveLength(1);
  });

  test("an attack scenario set on the emulator comes back as not passed", async () => {
    const merchantBizId = newMerchantBizId();
    const rule = await fetch(`${STACK.emulator}/__emulator/scenarios`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ merchantBizId, outcome: "attack" }),
    });
    expect(rule.ok).toBe(true);
    const image = Buffer.from(portraitJpeg({ seed: 7 })).toString("base64");
    const response = await send({ merchantBizId, merchantUserId: hashedUserId, image: { base64: image } });
    const answer = await response.json();
    expect(response.status).toBe(200);
    expect(answer).toMatchObject({ passed: false, subCode: "205", face: { attack: true } });
  });

  test("a wrong caller key is refused with the JSON error shape", async () => {
    const response = await send(
      { merchantUserId: hashedUserId, image: { url: "https://example.com/a.jpg" } },
      {
        authorization: "Bearer not-the-key",
      },
    );
    expect(response.status).toBe(401);
    const answer = await response.json();
    expect(answer).toEqual(
      expect.objectContaining({
        code: expect.any(String),
        message: expect.any(String),
        requestId: expect.any(String),
      }),
    );
  });
});
