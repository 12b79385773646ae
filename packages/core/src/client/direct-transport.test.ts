import { expect, test, vi } from "vitest";
import { buildFaceLivenessRequest } from "../request/index.js";
import { verifyRequest } from "../sign/index.js";
import type { FetchFunction } from "./client-options.js";
import { directSender } from "./direct-transport.js";

const credentials = { accessKeyId: "LTAItest", accessKeySecret: "test-secret" };
const success = JSON.stringify({
  RequestId: "r-1",
  Code: "Success",
  Message: "success",
  Result: {
    TransactionId: "t-1",
    Passed: "Y",
    SubCode: "200",
    ExtFaceInfo: {
      FaceQualityScore: 90,
      OcclusionScore: 99,
      KaOcclusionScore: 100,
      IlluminationScore: 97,
      SharpnessScore: 60,
      FaceAttack: "N",
    },
  },
});

// What the server sees: fetch adds Host from the URL.
function received(url: string, init: RequestInit) {
  return {
    method: init.method ?? "GET",
    url,
    headers: { ...(init.headers as Record<string, string>), host: new URL(url).host },
    body: init.body as Uint8Array | undefined,
  };
}

test("base64 mode: POSTs origin/?query with the form body, signed so that the server verifies it", async () => {
  const fetchFn = vi.fn<FetchFunction>(async () => new Response(success, { status: 200 }));
  const request = buildFaceLivenessRequest({
    merchantBizId: "biz1",
    merchantUserId: "user hash/1",
    facePictureBase64: "/9j/4A+Q+w==",
    faceQualityCheck: true,
  });
  const send = directSender({ credentials, fetch: fetchFn, timeoutMs: 1000 }, request);
  await expect(send("http://127.0.0.1:8790")).resolves.toMatchObject({ requestId: "r-1", passed: true });

  const [url, init] = fetchFn.mock.calls[0]!;
  expect(url).toBe(
    "http://127.0.0.1:8790/?FaceQualityCheck=Y&MerchantBizId=biz1&MerchantUserId=user%20hash%2F1&ProductCode=FACE_LIVENESS_MIN_PRO",
  );
  expect(init.method).toBe("POST");
  const headers = init.headers as Record<string, string>;
  expect(headers.host).toBeUndefined();
  expect(headers["content-type"]).toBe("application/x-www-form-urlencoded");
  expect(headers["x-acs-action"]).toBe("FaceLivenessV2");
  expect(headers["x-acs-version"]).toBe("2022-08-09");
  expect(headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAItest,SignedHeaders=/);
  expect(new TextDecoder().decode(init.body as Uint8Array)).toBe(
    "FacePictureBase64=%2F9j%2F4A%2BQ%2Bw%3D%3D",
  );

  const verdict = await verifyRequest(received(url, init), (id) =>
    id === "LTAItest" ? "test-secret" : undefined,
  );
  expect(verdict).toMatchObject({ ok: true, action: "FaceLivenessV2", version: "2022-08-09" });
});

test("URL mode: no body and no content type, still verifiable", async () => {
  const fetchFn = vi.fn<FetchFunction>(async () => new Response(success, { status: 200 }));
  const request = buildFaceLivenessRequest({
    merchantBizId: "b",
    merchantUserId: "u",
    facePictureUrl: "https://e.com/a.jpg?x=1&y=2",
  });
  await directSender(
    { credentials, fetch: fetchFn, timeoutMs: 1000 },
    request,
  )("https://cloudauth-intl.ap-southeast-1.aliyuncs.com");
  const [url, init] = fetchFn.mock.calls[0]!;
  expect(new URL(url).searchParams.get("FacePictureUrl")).toBe("https://e.com/a.jpg?x=1&y=2");
  expect(init.body).toBeUndefined();
  expect((init.headers as Record<string, string>)["content-type"]).toBeUndefined();
  expect(await verifyRequest(received(url, init), () => "test-secret")).toMatchObject({ ok: true });
});

test("each try is signed afresh: a new nonce, the same query and body", async () => {
  const fetchFn = vi.fn<FetchFunction>(async () => new Response(success, { status: 200 }));
  const request = buildFaceLivenessRequest({
    merchantBizId: "same",
    merchantUserId: "u",
    facePictureBase64: "YWJj",
  });
  const send = directSender({ credentials, fetch: fetchFn, timeoutMs: 1000 }, request);
  await send("https://a.example.com");
  await send("https://a.example.com");
  const [first, second] = fetchFn.mock.calls.map(([url, init]) => ({
    url,
    init,
    headers: init.headers as Record<string, string>,
  }));
  expect(first!.headers["x-acs-signature-nonce"]).not.toBe(second!.headers["x-acs-signature-nonce"]);
  expect(first!.url).toBe(second!.url);
  expect(first!.init.body).toBe(second!.init.body);
  // The request's own bytes are sent: not a copy, not encoded again.
  expect(first!.init.body).toBe(request.bodyBytes);
});

test("a request made by hand with a text body only is sent as its UTF-8 bytes", async () => {
  const fetchFn = vi.fn<FetchFunction>(async () => new Response(success, { status: 200 }));
  const built = buildFaceLivenessRequest({
    merchantBizId: "b",
    merchantUserId: "u",
    facePictureBase64: "YQ==",
  });
  const request = { ...built, bodyBytes: undefined };
  await directSender({ credentials, fetch: fetchFn, timeoutMs: 1000 }, request)("https://a.example.com");
  const [url, init] = fetchFn.mock.calls[0]!;
  expect(new TextDecoder().decode(init.body as Uint8Array)).toBe("FacePictureBase64=YQ%3D%3D");
  expect(await verifyRequest(received(url, init), () => "test-secret")).toMatchObject({ ok: true });
});

test("an error answer becomes a LivenessApiError", async () => {
  const fetchFn: FetchFunction = async () =>
    new Response(JSON.stringify({ RequestId: "r", Code: "InvalidParameter", Message: "bad" }), {
      status: 400,
    });
  const request = buildFaceLivenessRequest({
    merchantBizId: "b",
    merchantUserId: "u",
    facePictureUrl: "https://e.com/a.jpg",
  });
  await expect(
    directSender({ credentials, fetch: fetchFn, timeoutMs: 1000 }, request)("https://a.example.com"),
  ).rejects.toMatchObject({
    code: "InvalidParameter",
    httpStatus: 400,
  });
});
