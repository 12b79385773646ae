import { bytesToBase64, encodeFormBody, signRequest } from "@liveness-kit/core";
import { describe, expect, it } from "vitest";
import { createEmulator } from "./app.js";
import { DEV_CREDENTIALS } from "./dev-credentials.js";
import { portraitJpeg } from "./portraits/synthetic-portrait.js";
import { callAcs, callWithImage, faceQuery } from "./test-support/acs-client.js";
import { admin } from "./test-support/admin-client.js";
import { answered, sendRaw } from "./test-support/raw-http.js";
import { useTestEmulator } from "./test-support/test-emulator.js";

const emulator = await useTestEmulator();

describe("the emulator app", () => {
  it("answers GET /healthz", async () => {
    const response = answered(await sendRaw({ url: `${emulator.url}/healthz`, method: "GET" }));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("bills 50 concurrent calls exactly: 30 passed, 10 attacks, 10 errors", async () => {
    for (let i = 0; i < 10; i++)
      await admin(emulator.url, "PUT", "/scenarios", { merchantBizId: `atk${i}`, outcome: "attack" });
    const image = portraitJpeg({ width: 480, height: 640 });
    const calls = [
      ...Array.from({ length: 30 }, (_, i) => callWithImage(emulator.url, `ok${i}`, image)),
      ...Array.from({ length: 10 }, (_, i) => callWithImage(emulator.url, `atk${i}`, image)),
      ...Array.from({ length: 10 }, (_, i) => callAcs(emulator.url, { query: faceQuery(`err${i}`) })),
    ];
    const statuses = (await Promise.all(calls)).map((response) => answered(response).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(40);
    expect(statuses.filter((status) => status === 400)).toHaveLength(10);
    const ledger = await admin(emulator.url, "GET", "/ledger");
    expect(ledger.json.summary).toEqual({ billed: 40, passed: 30, risk: 10 });
    const ids = (ledger.json.entries as { merchantBizId: string; requestId: string }[]).map(
      (e) => e.merchantBizId,
    );
    expect(new Set(ids).size).toBe(40);
    const requestIds = new Set((ledger.json.entries as { requestId: string }[]).map((e) => e.requestId));
    expect(requestIds.size).toBe(40);
    expect((await admin(emulator.url, "GET", "/calls")).json.counts).toEqual({
      Success: 40,
      MissingParameter: 10,
    });
  });
});

describe("createEmulator in process (no server, as on a Worker)", () => {
  it("answers a signed call through fetch and records it", async () => {
    const app = createEmulator({ qps: false });
    const url = new URL("http://cloudauth-intl.ap-southeast-3.aliyuncs.com/");
    for (const [name, value] of Object.entries(faceQuery("inproc1"))) url.searchParams.set(name, value);
    const body = encodeFormBody({
      FacePictureBase64: bytesToBase64(portraitJpeg({ width: 480, height: 640 })),
    });
    const headers = await signRequest(
      { method: "POST", url, body, headers: { "content-type": "application/x-www-form-urlencoded" } },
      DEV_CREDENTIALS,
      { action: "FaceLivenessV2", version: "2022-08-09" },
    );
    const response = await app.fetch(new Request(url, { method: "POST", headers, body }));
    expect(response.status).toBe(200);
    expect(app.state.ledger.entries()[0]).toMatchObject({
      merchantBizId: "inproc1",
      region: "ap-southeast-3",
    });
  });

  it("routes a POST whose Host starts with an upload bucket to the PostObject endpoint", async () => {
    const app = createEmulator();
    const response = await app.fetch(
      new Request("http://cloudauth-intl-emulator-ap-southeast-1.localhost:8790/", {
        method: "POST",
        body: "x",
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("<Code>MalformedPOSTRequest</Code>");
  });

  it("throws on a dropped connection where there is no socket to close", async () => {
    const app = createEmulator({ qps: false });
    app.state.scenarios.set({}, { outcome: "drop", latencyMs: 0 });
    const url = new URL("http://127.0.0.1:8790/");
    for (const [name, value] of Object.entries(faceQuery("drop9"))) url.searchParams.set(name, value);
    const headers = await signRequest({ method: "POST", url }, DEV_CREDENTIALS, {
      action: "FaceLivenessV2",
      version: "2022-08-09",
    });
    await expect(app.fetch(new Request(url, { method: "POST", headers }))).rejects.toThrow("drop");
    expect(app.state.calls.list()).toEqual([
      expect.objectContaining({ code: "ConnectionDropped", httpStatus: 0 }),
    ]);
  });
});
