import { bytesToBase64 } from "@liveness-kit/core";
import { describe, expect, it } from "vitest";
import { DEV_CREDENTIALS } from "../dev-credentials.js";
import { portraitJpeg } from "../portraits/synthetic-portrait.js";
import { callAcs, faceQuery, signedRequest, signedRequestV2 } from "../test-support/acs-client.js";
import { answered, sendRaw } from "../test-support/raw-http.js";
import { useTestEmulator } from "../test-support/test-emulator.js";

const emulator = await useTestEmulator();
const image = () => ({ FacePictureBase64: bytesToBase64(portraitJpeg({ width: 480, height: 640 })) });

function expectGatewayError(response: Awaited<ReturnType<typeof sendRaw>>, status: number, code: string) {
  const { status: got, json, headers, text } = answered(response);
  const body = json() as Record<string, string>;
  expect({ status: got, code: body.Code }).toEqual({ status, code });
  expect(Object.keys(body).sort()).toEqual(["Code", "HostId", "Message", "Recommend", "RequestId"]);
  expect(body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  expect(headers["x-acs-request-id"]).toBe(body.RequestId);
  expect(body.Recommend).toContain(`q=${encodeURIComponent(code)}`);
  expect(text).not.toContain(DEV_CREDENTIALS.accessKeySecret);
  return body;
}

describe("the gateway accepts", () => {
  it("a V3 (ACS3-HMAC-SHA256) request signed by core", async () => {
    const response = answered(await callAcs(emulator.url, { query: faceQuery("v3ok"), form: image() }));
    expect(response.status).toBe(200);
    expect((response.json() as { Code: string }).Code).toBe("Success");
  });

  it("a legacy V2 (HMAC-SHA1) request signed by core, with the image in the form body", async () => {
    const request = await signedRequestV2(emulator.url, { query: faceQuery("v2ok"), form: image() });
    const response = answered(await sendRaw(request));
    expect(response.status).toBe(200);
    expect(emulator.emulator.state.ledger.entries({ merchantBizId: "v2ok" })).toHaveLength(1);
  });

  it("a request to a regional Alibaba host, and bills it in that region", async () => {
    const host = "cloudauth-intl.cn-hongkong.aliyuncs.com";
    const response = answered(await callAcs(emulator.url, { host, query: faceQuery("hk1"), form: image() }));
    expect(response.status).toBe(200);
    expect(emulator.emulator.state.ledger.entries({ merchantBizId: "hk1" })[0]?.region).toBe("cn-hongkong");
  });
});

describe("the gateway refuses", () => {
  it("an unsigned request: IncompleteSignature 400", async () => {
    const response = await sendRaw({ url: `${emulator.url}/?Action=FaceLivenessV2&Version=2022-08-09` });
    const body = expectGatewayError(response, 400, "IncompleteSignature");
    expect(body.HostId).toBe("cloudauth-intl.ap-southeast-1.aliyuncs.com");
  });

  it("a malformed Authorization header: IncompleteSignature 400", async () => {
    const request = await signedRequest(emulator.url, { query: faceQuery("bad1"), form: image() });
    request.headers = { ...request.headers, authorization: "ACS3-HMAC-SHA256 Credential=x" };
    expectGatewayError(await sendRaw(request), 400, "IncompleteSignature");
  });

  it("an unknown AccessKeyId: InvalidAccessKeyId.NotFound 404", async () => {
    const credentials = {
      accessKeyId: "LTAI5tSomebodyElse",
      accessKeySecret: DEV_CREDENTIALS.accessKeySecret,
    };
    const response = await callAcs(emulator.url, { query: faceQuery("k1"), form: image(), credentials });
    expectGatewayError(response, 404, "InvalidAccessKeyId.NotFound");
  });

  it("a wrong secret: SignatureDoesNotMatch 400, showing the server's string to sign", async () => {
    const credentials = { accessKeyId: DEV_CREDENTIALS.accessKeyId, accessKeySecret: "wrong-secret" };
    const response = await callAcs(emulator.url, { query: faceQuery("s1"), form: image(), credentials });
    const body = expectGatewayError(response, 400, "SignatureDoesNotMatch");
    expect(body.Message).toMatch(/server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
  });

  it("a query changed after signing: SignatureDoesNotMatch 400", async () => {
    const request = await signedRequest(emulator.url, { query: faceQuery("q1"), form: image() });
    request.url = request.url.replace("MerchantBizId=q1", "MerchantBizId=q2");
    expectGatewayError(await sendRaw(request), 400, "SignatureDoesNotMatch");
  });

  it("a body changed after signing: SignatureDoesNotMatch 400 (body hash)", async () => {
    const request = await signedRequest(emulator.url, { query: faceQuery("b1"), form: image() });
    const body = String(request.body);
    request.body = `${body.slice(0, 100)}A${body.slice(101)}`;
    const refused = expectGatewayError(await sendRaw(request), 400, "SignatureDoesNotMatch");
    expect(refused.Message).toContain("x-acs-content-sha256");
  });

  it("a wrong V2 signature: SignatureDoesNotMatch 400 without the image in the message", async () => {
    const request = await signedRequestV2(emulator.url, {
      query: faceQuery("v2bad"),
      form: image(),
      credentials: { accessKeyId: DEV_CREDENTIALS.accessKeyId, accessKeySecret: "nope" },
    });
    const body = expectGatewayError(await sendRaw(request), 400, "SignatureDoesNotMatch");
    expect(body.Message).toContain("server string to sign is:POST&%2F&");
    expect(body.Message).not.toContain(image().FacePictureBase64.slice(0, 64));
    expect(String(body.Message).length).toBeLessThan(2000);
  });

  it("a date more than 15 minutes off: InvalidTimeStamp.Expired 400", async () => {
    const date = new Date(Date.now() - 16 * 60_000);
    const response = await callAcs(emulator.url, { query: faceQuery("t1"), form: image(), date });
    expectGatewayError(response, 400, "InvalidTimeStamp.Expired");
  });

  it("a nonce seen before: SignatureNonceUsed 400", async () => {
    const request = await signedRequest(emulator.url, { query: faceQuery("n1"), form: image() });
    expect(answered(await sendRaw(request)).status).toBe(200);
    expectGatewayError(await sendRaw(request), 400, "SignatureNonceUsed");
    expect(emulator.emulator.state.ledger.entries({ merchantBizId: "n1" })).toHaveLength(1);
  });

  it("an unknown API, a wrong version or another path: InvalidApi.NotFound 404", async () => {
    const unknown = await callAcs(emulator.url, { action: "DescribeRegions", query: {} });
    expectGatewayError(unknown, 404, "InvalidApi.NotFound");
    const oldVersion = await callAcs(emulator.url, { version: "2019-03-07", query: faceQuery("x") });
    expectGatewayError(oldVersion, 404, "InvalidApi.NotFound");
    const request = await signedRequest(emulator.url, { query: faceQuery("p1"), form: image() });
    request.url = request.url.replace("/?", "/other?");
    expectGatewayError(await sendRaw(request), 404, "InvalidApi.NotFound");
    expectGatewayError(await sendRaw({ url: `${emulator.url}/`, method: "GET" }), 404, "InvalidApi.NotFound");
  });

  it("a V2 call whose unsigned x-acs-action header names another API: InvalidApi.NotFound 404", async () => {
    const request = await signedRequestV2(emulator.url, {
      action: "AuthorizeFileUpload",
      version: "2019-12-19",
      method: "GET",
      query: { Product: "Cloudauth-intl" },
    });
    request.headers = { ...request.headers, "x-acs-action": "FaceLivenessV2", "x-acs-version": "2022-08-09" };
    expectGatewayError(await sendRaw(request), 404, "InvalidApi.NotFound");
  });

  it("a body over the cap with a clean ToolargeImage 401, and keeps serving", async () => {
    const request = await signedRequest(emulator.url, {
      query: faceQuery("big1"),
      form: { FacePictureBase64: "A".repeat(2 * 1024 * 1024 + 10) },
    });
    const response = answered(await sendRaw(request));
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({ Code: "ToolargeImage" });
    expect(answered(await sendRaw({ url: `${emulator.url}/healthz`, method: "GET" })).status).toBe(200);
  });
});

describe("flow control", async () => {
  let clock = Date.UTC(2030, 0, 1, 12, 0, 0);
  const throttled = await useTestEmulator({ qps: {}, now: () => clock });
  const call = (host?: string) =>
    callAcs(throttled.url, { query: faceQuery("qps"), date: new Date(clock), ...(host ? { host } : {}) });

  it("allows 3 calls a second in Jakarta, then answers Throttling.Api 403 with x-acs-retry-after", async () => {
    const jakarta = "cloudauth-intl.ap-southeast-5.aliyuncs.com";
    for (let i = 0; i < 3; i++) expect(answered(await call(jakarta)).status).toBe(400);
    const refused = await call(jakarta);
    const body = expectGatewayError(refused, 403, "Throttling.Api");
    expect(body.HostId).toBe(jakarta);
    expect(answered(refused).headers["x-acs-retry-after"]).toBe("1000");
    clock += 400;
    expect(answered(await call(jakarta)).headers["x-acs-retry-after"]).toBe("600");
    clock += 600;
    expect(answered(await call(jakarta)).status).toBe(400);
  });

  it("allows 10 a second in Singapore, counted apart from other regions", async () => {
    clock += 5000;
    for (let i = 0; i < 10; i++) expect(answered(await call()).status).toBe(400);
    expectGatewayError(await call(), 403, "Throttling.Api");
    expect(answered(await call("cloudauth-intl.cn-hongkong.aliyuncs.com")).status).toBe(400);
  });

  it("does not count requests the gateway refused before flow control", async () => {
    clock += 5000;
    const wrong = { accessKeyId: DEV_CREDENTIALS.accessKeyId, accessKeySecret: "wrong" };
    for (let i = 0; i < 12; i++) {
      await callAcs(throttled.url, { query: faceQuery("qps"), date: new Date(clock), credentials: wrong });
    }
    expect(answered(await call()).status).toBe(400);
  });
});
