import { describe, expect, test, vi } from "vitest";
import { ValidationError } from "../errors/index.js";
import type { FetchFunction } from "./client-options.js";
import { proxyRouteUrl, proxySender, toProxyRequestBody } from "./proxy-transport.js";

const ids = { merchantBizId: "biz1", merchantUserId: "hash1" };

describe("toProxyRequestBody", () => {
  test("puts the picture under image, as base64 or url", () => {
    expect(toProxyRequestBody({ ...ids, facePictureBase64: "YWJj", faceQualityCheck: true })).toEqual({
      ...ids,
      image: { base64: "YWJj" },
      faceQualityCheck: true,
    });
    expect(toProxyRequestBody({ ...ids, facePictureUrl: "https://e.com/a.jpg" }).image).toEqual({
      url: "https://e.com/a.jpg",
    });
  });

  test("checks the input with core's rules first", () => {
    expect(() =>
      toProxyRequestBody({ ...ids, merchantBizId: "no spaces!", facePictureUrl: "http://e.com" }),
    ).toThrow(ValidationError);
  });

  test("refuses file-stream mode, which the proxy does not take", () => {
    const error = (() => {
      try {
        toProxyRequestBody({ ...ids, facePictureFile: "http://bucket.example.com/k" });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error?.issues.map((i) => `${i.field}:${i.code}`)).toEqual(["facePictureFile:invalid_value"]);
  });

  test("refuses what the proxy's schema does not take, and leaves out the default product code", () => {
    let error: ValidationError | undefined;
    try {
      toProxyRequestBody({
        ...ids,
        facePictureUrl: "https://e.com/a.jpg",
        faceAttributeCheck: false,
        productCode: "FACE_LIVENESS_MIN",
      });
    } catch (e) {
      error = e as ValidationError;
    }
    expect(error?.issues.map((i) => i.field)).toEqual(["faceAttributeCheck", "productCode"]);
    const body = toProxyRequestBody({
      ...ids,
      facePictureUrl: "https://e.com/a.jpg",
      productCode: "FACE_LIVENESS_MIN_PRO",
    });
    expect(Object.keys(body)).toEqual(["merchantBizId", "merchantUserId", "image", "faceQualityCheck"]);
    expect(JSON.parse(JSON.stringify(body))).toEqual({ ...ids, image: { url: "https://e.com/a.jpg" } });
  });
});

describe("proxyRouteUrl", () => {
  test("appends the route to an origin or a path, without doubling slashes", () => {
    expect(proxyRouteUrl("https://liveness.example.com")).toBe(
      "https://liveness.example.com/v1/face-liveness",
    );
    expect(proxyRouteUrl("https://example.com/api/")).toBe("https://example.com/api/v1/face-liveness");
    expect(proxyRouteUrl("http://127.0.0.1:8787")).toBe("http://127.0.0.1:8787/v1/face-liveness");
    expect(proxyRouteUrl("/api")).toBe("/api/v1/face-liveness");
  });

  test("refuses what is not an http(s) URL or a same-origin path", () => {
    for (const base of [
      "",
      "//evil.example.com",
      "ftp://x",
      "liveness.example.com",
      "https://e.com/?a=1",
      "a b",
      5,
    ]) {
      expect(proxyRouteUrl(base), String(base)).toBeUndefined();
    }
  });
});

describe("proxySender", () => {
  const okBody = JSON.stringify({
    requestId: "r",
    transactionId: "t",
    passed: true,
    subCode: "200",
    face: {
      qualityScore: 1,
      occlusionScore: 1,
      keyAreaOcclusionScore: 1,
      illuminationScore: 1,
      sharpnessScore: 1,
      attack: false,
    },
  });

  test("POSTs the JSON body with a bearer token and reads the result", async () => {
    const fetchFn = vi.fn<FetchFunction>(async () => new Response(okBody, { status: 200 }));
    const body = toProxyRequestBody({ ...ids, facePictureBase64: "YWJj" });
    const send = proxySender(
      { url: "https://p.example.com/v1/face-liveness", token: "tok", fetch: fetchFn, timeoutMs: 1000 },
      body,
    );
    await expect(send()).resolves.toMatchObject({ passed: true });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe("https://p.example.com/v1/face-liveness");
    expect(init.method).toBe("POST");
    expect(init.headers).toMatchObject({ authorization: "Bearer tok", "content-type": "application/json" });
    expect(JSON.parse(init.body as string)).toEqual({ ...ids, image: { base64: "YWJj" } });
  });

  test("asks the token function afresh for every try", async () => {
    const fetchFn = vi.fn<FetchFunction>(async () => new Response(okBody, { status: 200 }));
    let n = 0;
    const token = vi.fn(async () => `t${++n}`);
    const send = proxySender(
      { url: "/api/v1/face-liveness", token, fetch: fetchFn, timeoutMs: 1000 },
      toProxyRequestBody({ ...ids, facePictureBase64: "YWJj" }),
    );
    await send();
    await send();
    expect(
      fetchFn.mock.calls.map(([, init]) => (init.headers as Record<string, string>).authorization),
    ).toEqual(["Bearer t1", "Bearer t2"]);
  });

  test("refuses an empty token or one with a line break before sending", async () => {
    const fetchFn = vi.fn<FetchFunction>();
    for (const token of [() => "", () => "a\nb"]) {
      const send = proxySender(
        { url: "/x", token, fetch: fetchFn, timeoutMs: 1000 },
        toProxyRequestBody({ ...ids, facePictureBase64: "YWJj" }),
      );
      await expect(send()).rejects.toBeInstanceOf(ValidationError);
    }
    expect(fetchFn).not.toHaveBeenCalled();
  });
});
