import { signRequest } from "@liveness-kit/core";
import { describe, expect, it } from "vitest";
import { DEV_CREDENTIALS } from "./dev-credentials.js";
import worker, { emulatorOptionsFromEnv } from "./worker.js";

async function signedCall(credentials: { accessKeyId: string; accessKeySecret: string }) {
  const url = new URL(
    "https://emulator.example.workers.dev/?ProductCode=FACE_LIVENESS_MIN_PRO&MerchantBizId=w1",
  );
  const headers = await signRequest({ method: "POST", url }, credentials, {
    action: "FaceLivenessV2",
    version: "2022-08-09",
  });
  return new Request(url, { method: "POST", headers });
}

describe("the Worker entry", () => {
  it("verifies with the dev keys when the env has none (MissingParameter comes after the gateway)", async () => {
    const response = await worker.fetch(await signedCall(DEV_CREDENTIALS), {});
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ Code: "MissingParameter" });
  });

  it("takes its keys from env and refuses others", async () => {
    const env = {
      LIVENESS_EMULATOR_ACCESS_KEY_ID: "LTAI5tWorkerKey",
      LIVENESS_EMULATOR_ACCESS_KEY_SECRET: "worker-secret",
    };
    const own = await worker.fetch(
      await signedCall({ accessKeyId: "LTAI5tWorkerKey", accessKeySecret: "worker-secret" }),
      env,
    );
    expect(await own.json()).toMatchObject({ Code: "MissingParameter" });
    const dev = await worker.fetch(await signedCall(DEV_CREDENTIALS), env);
    expect(dev.status).toBe(404);
    expect(await dev.json()).toMatchObject({ Code: "InvalidAccessKeyId.NotFound" });
  });

  it("keeps the admin API off unless an admin token is set", async () => {
    const closed = await worker.fetch(new Request("https://e.example/__emulator/health"), {});
    expect(closed.status).toBe(404);
    const env = { LIVENESS_EMULATOR_ADMIN_TOKEN: "tok" };
    const refused = await worker.fetch(new Request("https://e.example/__emulator/health"), env);
    expect(refused.status).toBe(401);
    const open = await worker.fetch(
      new Request("https://e.example/__emulator/health", { headers: { authorization: "Bearer tok" } }),
      env,
    );
    expect(open.status).toBe(200);
  });

  it("reads region and QPS, and refuses invalid values", () => {
    expect(
      emulatorOptionsFromEnv({ LIVENESS_EMULATOR_REGION: "cn-hongkong", LIVENESS_EMULATOR_QPS: "off" }),
    ).toMatchObject({
      region: "cn-hongkong",
      qps: false,
      admin: false,
    });
    expect(emulatorOptionsFromEnv({ LIVENESS_EMULATOR_QPS: "20" }).qps).toBe(20);
    expect(() => emulatorOptionsFromEnv({ LIVENESS_EMULATOR_REGION: "mars" })).toThrow("REGION");
    expect(() => emulatorOptionsFromEnv({ LIVENESS_EMULATOR_QPS: "fast" })).toThrow("QPS");
    expect(() => emulatorOptionsFromEnv({ LIVENESS_EMULATOR_ACCESS_KEY_ID: "only-id" })).toThrow("both");
  });
});
