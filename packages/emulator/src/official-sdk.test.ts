import { createRequire } from "node:module";
import { bytesToBase64 } from "@liveness-kit/core";
import { describe, expect, it } from "vitest";
import { DEV_CREDENTIALS } from "./dev-credentials.js";
import { portraitJpeg } from "./portraits/synthetic-portrait.js";
import { replay, useTapProxy } from "./test-support/tap-proxy.js";
import { useTestEmulator } from "./test-support/test-emulator.js";

// The official Node SDK core (@alicloud/openapi-core 1.0.8), called the way the generated cloudauth-intl
// client's faceLivenessV2WithOptions calls it: RPC POST, the parameters in the query, the image in a form body.
// It is CommonJS: loaded with require, as a Node user of the SDK would.
const sdk = createRequire(import.meta.url)("@alicloud/openapi-core") as {
  default: new (config: unknown) => SdkClient;
  $OpenApiUtil: Record<"Config" | "OpenApiRequest" | "Params", new (map: Record<string, unknown>) => unknown>;
  OpenApiUtil: {
    query(map: object): Record<string, string>;
    parseToMap(map: object): Record<string, unknown>;
  };
};
const { $OpenApiUtil, OpenApiUtil, default: Client } = sdk;

interface SdkClient {
  callApi(
    params: unknown,
    request: unknown,
    runtime: unknown,
  ): Promise<{ statusCode: number; body: Record<string, unknown> }>;
}

const emulator = await useTestEmulator();
const proxy = await useTapProxy({ host: "127.0.0.1", port: emulator.port });

function sdkClient(options: { signatureAlgorithm?: "v2" } = {}): SdkClient {
  return new Client(
    new $OpenApiUtil.Config({
      ...DEV_CREDENTIALS,
      endpoint: `127.0.0.1:${proxy.port}`,
      protocol: "http",
      readTimeout: 10_000,
      ...options,
    }),
  );
}

function faceLivenessV2(client: SdkClient, merchantBizId: string) {
  const query = {
    ProductCode: "FACE_LIVENESS_MIN_PRO",
    MerchantBizId: merchantBizId,
    MerchantUserId: "2c26b46b68ffc68ff99b453c1d304134",
    FaceQualityCheck: "Y",
  };
  const body = { FacePictureBase64: bytesToBase64(portraitJpeg({ width: 480, height: 640 })) };
  const request = new $OpenApiUtil.OpenApiRequest({
    query: OpenApiUtil.query(query),
    body: OpenApiUtil.parseToMap(body),
  });
  const params = new $OpenApiUtil.Params({
    action: "FaceLivenessV2",
    version: "2022-08-09",
    protocol: "HTTPS",
    pathname: "/",
    method: "POST",
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType: "json",
  });
  return client.callApi(params, request, {});
}

describe("the official Node SDK", () => {
  it("signs with ACS3-HMAC-SHA256 and is accepted", async () => {
    proxy.clear();
    const response = await faceLivenessV2(sdkClient(), "sdk0001");
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({ Code: "Success", Result: { Passed: "Y", SubCode: "200" } });
    const sent = proxy.captured().toString("latin1");
    expect(sent).toMatch(/authorization: ACS3-HMAC-SHA256 Credential=LTAI5tEmulatorDevKey00001,/i);
    expect(emulator.emulator.state.ledger.entries({ merchantBizId: "sdk0001" })).toHaveLength(1);
  });

  it("signs with the legacy V2 signature (signatureAlgorithm v2) and is accepted", async () => {
    proxy.clear();
    const response = await faceLivenessV2(sdkClient({ signatureAlgorithm: "v2" }), "sdk0002");
    expect(response.statusCode).toBe(200);
    expect(proxy.captured().toString("latin1")).toContain("SignatureMethod=HMAC-SHA1");
  });

  it("the same request with one byte changed in transit is refused with SignatureDoesNotMatch", async () => {
    proxy.setTamper((chunk) =>
      Buffer.from(
        chunk.toString("latin1").replace("MerchantBizId=sdk0003", "MerchantBizId=sdk0004"),
        "latin1",
      ),
    );
    try {
      await expect(faceLivenessV2(sdkClient(), "sdk0003")).rejects.toMatchObject({
        code: "SignatureDoesNotMatch",
        statusCode: 400,
      });
    } finally {
      proxy.setTamper(undefined);
    }
    expect(emulator.emulator.state.ledger.summary().billed).toBe(0);
  });

  it("its captured bytes are refused when replayed: with one byte changed, and as they are", async () => {
    proxy.clear();
    expect((await faceLivenessV2(sdkClient(), "sdk0005")).statusCode).toBe(200);
    const captured = proxy.captured();
    const bodyStart = captured.indexOf("FacePictureBase64=") + "FacePictureBase64=".length + 10;
    const changed = Buffer.from(captured);
    changed[bodyStart] = changed[bodyStart] === 0x41 ? 0x42 : 0x41;
    const tampered = await replay({ host: "127.0.0.1", port: emulator.port }, changed);
    expect(tampered.status).toBe(400);
    expect(JSON.parse(tampered.body)).toMatchObject({ Code: "SignatureDoesNotMatch" });
    const again = await replay({ host: "127.0.0.1", port: emulator.port }, captured);
    expect(JSON.parse(again.body)).toMatchObject({ Code: "SignatureNonceUsed" });
    expect(emulator.emulator.state.ledger.summary().billed).toBe(1);
  });

  it("receives product errors as the SDK's ClientError with Alibaba's code", async () => {
    await fetch(`${emulator.url}/__emulator/scenarios`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ merchantBizId: "sdk0006", outcome: "NoFaceDetected" }),
    });
    await expect(faceLivenessV2(sdkClient(), "sdk0006")).rejects.toMatchObject({
      code: "NoFaceDetected",
      statusCode: 401,
    });
  });
});
