import { bytesToBase64 } from "@liveness-kit/core/image";
import { describe, expect, it, vi } from "vitest";
import {
  freshMerchantBizId,
  hashedUserId,
  jsonRequest,
  multipartRequest,
  sendToProxy,
} from "../../test/call-proxy.js";
import { capturedLogs } from "../../test/captured-logs.js";
import { portraitCutShort, portraitOverNoise } from "../../test/damaged-portraits.js";
import { billedCalls, callsFor, callsOfAction, setScenario } from "../../test/emulator-admin.js";
import { portraitBase64, portraitBytes, portraitFile } from "../../test/portraits.js";

describe("POST /v1/face-liveness: answers", () => {
  it("checks a base64 portrait and answers in the web shape, billed once", async () => {
    const merchantBizId = freshMerchantBizId();
    const { response, body } = await sendToProxy(
      jsonRequest({
        merchantBizId,
        merchantUserId: await hashedUserId(),
        image: { base64: portraitBase64("portrait") },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("idempotent-replay")).toBeNull();
    expect(body.requestId).toBe(response.headers.get("x-request-id"));
    expect(body).toMatchObject({
      merchantBizId,
      passed: true,
      subCode: "200",
      upstream: { region: "ap-southeast-1" },
    });
    expect(body.transactionId).toMatch(/^\w+$/);
    expect(body.upstream.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(Object.keys(body.face).slice(0, 6)).toEqual([
      "qualityScore",
      "occlusionScore",
      "keyAreaOcclusionScore",
      "illuminationScore",
      "sharpnessScore",
      "attack",
    ]);
    expect(body.face.attack).toBe(false);
    const timing = response.headers.get("server-timing") ?? "";
    for (const phase of ["validate", "sign", "upstream"])
      expect(timing).toMatch(new RegExp(`${phase};dur=[\\d.]+`));
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("generates a merchantBizId when none is given", async () => {
    const { response, body } = await sendToProxy(
      jsonRequest({ merchantUserId: await hashedUserId(), image: { base64: portraitBase64("portrait") } }),
    );
    expect(response.status).toBe(200);
    expect(body.merchantBizId).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(await billedCalls(body.merchantBizId)).toBe(1);
  });

  it("accepts multipart/form-data with the picture as file `image`", async () => {
    const merchantBizId = freshMerchantBizId();
    const form = new FormData();
    form.set("merchantBizId", merchantBizId);
    form.set("merchantUserId", await hashedUserId());
    form.set("faceQualityCheck", "true");
    form.set("image", portraitFile("portrait"));
    const { response, body } = await sendToProxy(multipartRequest(form));
    expect(response.status).toBe(200);
    expect(body.passed).toBe(true);
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("sends a 0.6-1 MB file by file-stream mode: AuthorizeFileUpload, PostObject, FacePictureFile", async () => {
    const uploadsBefore = (await callsOfAction("AuthorizeFileUpload")).length;
    const merchantBizId = freshMerchantBizId();
    const form = new FormData();
    form.set("merchantBizId", merchantBizId);
    form.set("merchantUserId", await hashedUserId());
    form.set("image", portraitFile("largePortrait"));
    const { response, body } = await sendToProxy(multipartRequest(form));
    expect(response.status).toBe(200);
    expect(body.passed).toBe(true);
    expect((await callsOfAction("AuthorizeFileUpload")).length).toBeGreaterThan(uploadsBefore);
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("sends a large base64 picture by file stream too (base64 would pass Alibaba's limit)", async () => {
    const merchantBizId = freshMerchantBizId();
    const { response } = await sendToProxy(
      jsonRequest({
        merchantBizId,
        merchantUserId: await hashedUserId(),
        image: { base64: portraitBase64("largePortrait") },
      }),
    );
    expect(response.status).toBe(200);
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("answers a detected attack with 200, passed false and SubCode 205 (billed)", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "attack" });
    const { response, body } = await sendToProxy(
      jsonRequest({
        merchantBizId,
        merchantUserId: await hashedUserId(),
        image: { base64: portraitBase64("portrait") },
      }),
    );
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ passed: false, subCode: "205", face: { attack: true } });
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("passes age and gender through when Alibaba sends them", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "pass", faceAge: 31, faceGender: "F" });
    const { body } = await sendToProxy(
      jsonRequest({
        merchantBizId,
        merchantUserId: await hashedUserId(),
        image: { base64: portraitBase64("portrait") },
      }),
    );
    expect(body.face).toMatchObject({ age: 31, gender: "F" });
  });
});

describe("POST /v1/face-liveness: refusals", () => {
  it("answers Alibaba's NoFaceDetected as 422 with core's advice, unbilled", async () => {
    const merchantBizId = freshMerchantBizId();
    const { response, body } = await sendToProxy(
      jsonRequest({
        merchantBizId,
        merchantUserId: await hashedUserId(),
        image: { base64: portraitBase64("blank") },
      }),
    );
    expect(response.status).toBe(422);
    expect(body).toMatchObject({
      code: "NoFaceDetected",
      retryable: false,
      requestId: response.headers.get("x-request-id"),
    });
    expect(body.message).toMatch(/face/i);
    expect((body as { hint?: string }).hint).toMatch(/front-facing/);
    expect(body.details).toEqual({ upstreamRequestId: expect.any(String) });
    expect(await billedCalls(merchantBizId)).toBe(0);
  });

  // Offline the emulator cannot download it (DownloadTimeout); with a network it would get no image.
  it("refuses image.url by default (no IMAGE_URL_HOSTS), before any call", async () => {
    const merchantBizId = freshMerchantBizId();
    const { response, body } = await sendToProxy(
      jsonRequest({
        merchantBizId,
        merchantUserId: await hashedUserId(),
        image: { url: "https://images.example.com/face.jpg" },
      }),
      { IMAGE_URL_HOSTS: "" },
    );
    expect(response.status).toBe(400);
    expect(body.code).toBe("image_url_disabled");
    expect(await callsFor(merchantBizId)).toEqual([]);
  });

  it.each([
    [
      "Alibaba's metadata address inside a name",
      "https://100.100.100.200.nip.io/latest/meta-data/",
      "host_embeds_ip",
    ],
    ["a Kubernetes service", "https://kubernetes.default.svc/face.jpg", "host_not_public"],
    ["a Consul service", "https://vault.service.consul/face.jpg", "host_not_public"],
    ["IPv6 benchmarking space", "https://[2001:2::1]/face.jpg", "ip_not_public"],
    ["a host not on the list", "https://other.example.org/face.jpg", "host_not_allowed"],
    ["a private address", "https://10.0.0.8/face.jpg", "ip_not_public"],
    ["the metadata service in decimal", "https://2852039166/latest", "ip_not_public"],
    ["IPv6 loopback", "https://[::1]/face.jpg", "ip_not_public"],
    ["localhost", "https://localhost/face.jpg", "host_not_public"],
    ["credentials", "https://user:secret@images.example.com/face.jpg", "credentials"],
    ["plain http", "http://images.example.com/face.jpg", "not_https"],
  ])("refuses image.url on %s before any call, even with URL mode on", async (_name, url, code) => {
    const merchantBizId = freshMerchantBizId();
    const { response, body } = await sendToProxy(
      jsonRequest({ merchantBizId, merchantUserId: await hashedUserId(), image: { url } }),
      { IMAGE_URL_HOSTS: "images.example.com,*.nip.io.example.com" },
    );
    expect(response.status).toBe(400);
    expect(body.details).toEqual({ issues: [expect.objectContaining({ field: "image.url", code })] });
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(await callsFor(merchantBizId)).toEqual([]);
  });

  it("passes a URL on an allowed host on to Alibaba and answers its refusal as 422, unbilled", async () => {
    const merchantBizId = freshMerchantBizId();
    const { response, body } = await sendToProxy(
      jsonRequest({
        merchantBizId,
        merchantUserId: await hashedUserId(),
        image: { url: "https://images.example.com/face.jpg" },
      }),
      { IMAGE_URL_HOSTS: "images.example.com" },
    );
    expect(response.status).toBe(422);
    expect(["DownloadTimeout", "UnqualifiedPhoto"]).toContain(body.code);
    expect(await callsFor(merchantBizId)).toHaveLength(1);
    expect(await billedCalls(merchantBizId)).toBe(0);
  });

  it("sends only the image of a polyglot (JPEG + ZIP): the data after EOI is dropped and logged", async () => {
    const image = portraitBytes("portrait");
    const zip = new TextEncoder().encode("PK\u0003\u0004payload.html<script>alert(1)</script>");
    const polyglot = new Uint8Array(image.length + zip.length);
    polyglot.set(image);
    polyglot.set(zip, image.length);
    const sentUpstream: string[] = [];
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const request = new Request(input as RequestInfo, init as RequestInit);
      if (!request.url.includes("/__emulator/")) sentUpstream.push(await request.clone().text());
      return realFetch(input as RequestInfo, init as RequestInit);
    });
    try {
      const merchantBizId = freshMerchantBizId();
      const request = jsonRequest({
        merchantBizId,
        merchantUserId: await hashedUserId(),
        image: { base64: bytesToBase64(polyglot) },
      });
      const { result, lines } = await capturedLogs(() => sendToProxy(request));
      expect(result.response.status).toBe(200);
      expect(await billedCalls(merchantBizId)).toBe(1);
      const form = new URLSearchParams(sentUpstream.join("&"));
      expect(form.get("FacePictureBase64")).toBe(bytesToBase64(image));
      const line = lines.find((entry) => entry.message === "request");
      expect(line).toMatchObject({ imageBytes: image.length, droppedBytesAfterImage: zip.length });
    } finally {
      spy.mockRestore();
    }
  });

  it("refuses an out-of-spec image with core's report before any call", async () => {
    const merchantBizId = freshMerchantBizId();
    const { response, body } = await sendToProxy(
      jsonRequest({
        merchantBizId,
        merchantUserId: await hashedUserId(),
        image: { base64: portraitBase64("landscape") },
      }),
    );
    expect(response.status).toBe(422);
    expect(body.code).toBe("image_rejected");
    expect((body.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toContain(
      "not_portrait",
    );
    expect(await callsFor(merchantBizId)).toEqual([]);
  });

  it("refuses a sound header over damaged data (JSON or multipart) before any call", async () => {
    const jsonId = freshMerchantBizId();
    const json = await sendToProxy(
      jsonRequest({
        merchantBizId: jsonId,
        merchantUserId: await hashedUserId(),
        image: { base64: bytesToBase64(portraitOverNoise("portrait")) },
      }),
    );
    const multipartId = freshMerchantBizId();
    const form = new FormData();
    form.set("merchantBizId", multipartId);
    form.set("merchantUserId", await hashedUserId());
    form.set("image", new File([portraitCutShort("portrait") as Uint8Array<ArrayBuffer>], "face.jpg"));
    const multipart = await sendToProxy(multipartRequest(form));
    for (const [{ response, body }, code] of [
      [json, "corrupt_data"],
      [multipart, "truncated"],
    ] as const) {
      expect(response.status).toBe(422);
      expect(body).toMatchObject({ code: "image_rejected", retryable: false });
      const report = body.details as { info: { width: number }; problems: { code: string; fix: string }[] };
      expect(report.info.width).toBe(480);
      expect(report.problems.map((problem) => problem.code)).toEqual([code]);
      expect((body as { hint?: string }).hint).toBe(report.problems[0]!.fix);
    }
    expect(await callsFor(jsonId)).toEqual([]);
    expect(await callsFor(multipartId)).toEqual([]);
  });

  it("counts the body while reading: a streamed body without Content-Length over the limit is 413", async () => {
    const chunk = new TextEncoder().encode("x".repeat(16_384));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        if (sent > 8) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("https://proxy.test/v1/face-liveness", {
      method: "POST",
      headers: {
        authorization: jsonRequest({}).headers.get("authorization") ?? "",
        "content-type": "application/json",
      },
      body: stream,
    });
    const { response, body } = await sendToProxy(request, { MAX_BODY_BYTES: "65536" });
    expect(response.status).toBe(413);
    expect(body.code).toBe("payload_too_large");
  });

  it("answers a body that stalls before its Content-Length with 408 body_timeout, never billed", async () => {
    const merchantBizId = freshMerchantBizId();
    const start = new TextEncoder().encode(`{"merchantBizId":"${merchantBizId}","merchantUserId":"`);
    // The client sends the start of its JSON, then nothing more, with the connection open.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(start);
      },
    });
    const request = new Request("https://proxy.test/v1/face-liveness", {
      method: "POST",
      headers: {
        authorization: jsonRequest({}).headers.get("authorization") ?? "",
        "content-type": "application/json",
        "content-length": "5000",
      },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const { response, body } = await sendToProxy(request, { BODY_IDLE_TIMEOUT_MS: "200" });
    expect(response.status).toBe(408);
    expect(body).toMatchObject({
      code: "body_timeout",
      retryable: true,
      requestId: response.headers.get("x-request-id"),
      details: { reason: "idle", limitMs: 200 },
    });
    expect(await callsFor(merchantBizId)).toEqual([]);
  });

  it("answers 404 and 405 as JSON errors", async () => {
    const missing = await sendToProxy(new Request("https://proxy.test/v2/nothing"));
    expect(missing.response.status).toBe(404);
    expect(missing.body.code).toBe("not_found");
    const wrongMethod = await sendToProxy(new Request("https://proxy.test/v1/face-liveness"));
    expect(wrongMethod.response.status).toBe(405);
    expect(wrongMethod.body.code).toBe("method_not_allowed");
  });

  it.each([
    ["GET", "/v1/face-liveness", "POST, OPTIONS"],
    ["PUT", "/v1/face-liveness", "POST, OPTIONS"],
    ["POST", "/healthz", "GET, HEAD, OPTIONS"],
    ["DELETE", "/v1/openapi.json", "GET, HEAD, OPTIONS"],
  ])("answers %s %s with 405 and Allow: %s", async (method, path, allow) => {
    const { response, body } = await sendToProxy(new Request(`https://proxy.test${path}`, { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(body.code).toBe("method_not_allowed");
  });

  it("answers a refusal of the proxy's own AccessKey as 502, without the upstream's message", async () => {
    const merchantBizId = freshMerchantBizId();
    const request = jsonRequest({
      merchantBizId,
      merchantUserId: await hashedUserId(),
      image: { base64: portraitBase64("portrait") },
    });
    const { result, lines } = await capturedLogs(() =>
      sendToProxy(request, { ALIBABA_CLOUD_ACCESS_KEY_SECRET: "a-wrong-secret-for-this-test" }),
    );
    const { response, body } = result;
    // The operator's advice is in the log line, with Alibaba's code.
    const line = lines.find((entry) => entry.message === "request");
    expect(line).toMatchObject({ upstreamCode: "SignatureDoesNotMatch", code: "upstream_refused_proxy" });
    expect(String(line?.operatorHint)).toMatch(/SignatureDoesNotMatch: .+/);
    expect(response.status).toBe(502);
    expect(body.code).toBe("upstream_refused_proxy");
    expect(body.retryable).toBe(false);
    expect(body.requestId).toBe(response.headers.get("x-request-id"));
    expect(JSON.stringify(body)).not.toMatch(/ACS3-HMAC-SHA256|a-wrong-secret|StringToSign/i);
    // Nothing about the account for the caller: no Alibaba code, no advice on secrets or grants.
    expect(JSON.stringify(body)).not.toMatch(/SignatureDoesNotMatch|secret|grant|AccessKey/i);
    expect(body).not.toHaveProperty("hint");
    expect(await billedCalls(merchantBizId)).toBe(0);
  });
});
