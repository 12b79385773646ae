import { fileURLToPath } from "node:url";
import { bytesToBase64, encodeFormBody, signRequest } from "@liveness-kit/core";
import { afterAll, describe, expect, it } from "vitest";
import { DEV_CREDENTIALS } from "./dev-credentials.js";
import { portraitJpeg, portraitPng } from "./portraits/synthetic-portrait.js";
import { faceQuery } from "./test-support/acs-client.js";

// The Worker entry inside workerd (wrangler's unstable_startWorker): proves that the app, jpeg-js and the PNG
// decoder run there. Offline and quiet, as the toolchain notes say.
process.env.WRANGLER_SEND_METRICS = "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
process.env.CI = "true";
const { unstable_startWorker } = await import("wrangler");

const worker = await unstable_startWorker({
  name: "liveness-emulator-test",
  entrypoint: fileURLToPath(new URL("./worker.ts", import.meta.url)),
  compatibilityDate: "2026-04-01",
  sendMetrics: false,
  bindings: { LIVENESS_EMULATOR_ADMIN_TOKEN: { type: "plain_text", value: "worker-admin" } },
  dev: { server: { hostname: "127.0.0.1", port: 0 }, inspector: false, watch: false, logLevel: "warn" },
});
await worker.ready;
afterAll(() => worker.dispose());

async function call(merchantBizId: string, image?: Uint8Array) {
  const url = new URL("http://emulator.test/");
  for (const [name, value] of Object.entries(faceQuery(merchantBizId))) url.searchParams.set(name, value);
  const body = image ? encodeFormBody({ FacePictureBase64: bytesToBase64(image) }) : undefined;
  const headers = await signRequest(
    {
      method: "POST",
      url,
      ...(body ? { body, headers: { "content-type": "application/x-www-form-urlencoded" } } : {}),
    },
    DEV_CREDENTIALS,
    { action: "FaceLivenessV2", version: "2022-08-09" },
  );
  return worker.fetch(url.href, { method: "POST", headers, ...(body ? { body } : {}) });
}

function adminCall(path: string, init: { method?: string; body?: string } = {}) {
  return worker.fetch(`http://emulator.test/__emulator${path}`, {
    ...init,
    headers: { authorization: "Bearer worker-admin", "content-type": "application/json" },
  });
}

describe("the emulator as a Worker (workerd)", () => {
  it("decodes and measures a JPEG and a PNG, and bills both", async () => {
    for (const [id, image] of [
      ["wjpeg1", portraitJpeg({ width: 480, height: 640 })],
      ["wpng1", portraitPng({ width: 480, height: 640 })],
    ] as const) {
      const response = await call(id, image);
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        Result: { Passed: string; ExtFaceInfo: { SharpnessScore: number } };
      };
      expect(body.Result.Passed).toBe("Y");
      expect(body.Result.ExtFaceInfo.SharpnessScore).toBeGreaterThan(80);
    }
    const ledger = (await (await adminCall("/ledger")).json()) as { summary: { billed: number } };
    expect(ledger.summary.billed).toBe(2);
  });

  it("throws out of the fetch handler for a dropped connection, so the runtime fails the request", async () => {
    await adminCall("/scenarios", {
      method: "PUT",
      body: JSON.stringify({ merchantBizId: "wdrop1", outcome: "drop" }),
    });
    await expect(call("wdrop1")).rejects.toThrow("drop");
  });
});
