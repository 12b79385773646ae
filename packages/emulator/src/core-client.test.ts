import { bytesToBase64, createLivenessClient, LivenessApiError } from "@liveness-kit/core";
import { describe, expect, it } from "vitest";
import { DEV_CREDENTIALS } from "./dev-credentials.js";
import { portraitJpeg } from "./portraits/synthetic-portrait.js";
import { admin } from "./test-support/admin-client.js";
import { useTestEmulator } from "./test-support/test-emulator.js";

// core's direct client against the emulator: the pairing the local stack and its users rely on.
const emulator = await useTestEmulator();
const client = createLivenessClient({
  mode: "direct",
  credentials: DEV_CREDENTIALS,
  endpoint: emulator.url,
  baseDelayMs: 1,
});
const facePictureBase64 = bytesToBase64(portraitJpeg({ width: 480, height: 640 }));
const merchantUserId = "2c26b46b68ffc68ff99b453c1d304134";

describe("core's direct client", () => {
  it("gets a passed result with the emulator's scores", async () => {
    const result = await client.faceLiveness({
      merchantBizId: "core0001",
      merchantUserId,
      facePictureBase64,
    });
    expect(result.passed).toBe(true);
    expect(result.subCode).toBe("200");
    expect(result.transactionId).toMatch(/^hksb/);
    expect(result.face.sharpnessScore).toBeGreaterThan(80);
  });

  it("retries a 503 with a fresh nonce and the same MerchantBizId: billed once", async () => {
    await admin(emulator.url, "PUT", "/scenarios", { merchantBizId: "core0002", outcome: "503", times: 2 });
    const result = await client.faceLiveness({
      merchantBizId: "core0002",
      merchantUserId,
      facePictureBase64,
    });
    expect(result.passed).toBe(true);
    const calls = await admin(emulator.url, "GET", "/calls?merchantBizId=core0002");
    expect(calls.json.counts).toEqual({ ServiceUnavailable: 2, Success: 1 });
    expect((await admin(emulator.url, "GET", "/ledger?merchantBizId=core0002")).json.summary).toEqual({
      billed: 1,
      passed: 1,
      risk: 0,
    });
  });

  it("reads an attack answer and a business error", async () => {
    await admin(emulator.url, "PUT", "/scenarios", { merchantBizId: "core0003", outcome: "attack" });
    const attack = await client.faceLiveness({
      merchantBizId: "core0003",
      merchantUserId,
      facePictureBase64,
    });
    expect(attack.passed).toBe(false);
    expect(attack.face.attack).toBe(true);
    await admin(emulator.url, "PUT", "/scenarios", { merchantBizId: "core0004", outcome: "NoFaceDetected" });
    const refused = client.faceLiveness({ merchantBizId: "core0004", merchantUserId, facePictureBase64 });
    await expect(refused).rejects.toBeInstanceOf(LivenessApiError);
    await expect(refused).rejects.toMatchObject({ code: "NoFaceDetected", httpStatus: 401, billed: false });
  });
});
