import { bytesToBase64 } from "@liveness-kit/core";
import { describe, expect, it } from "vitest";
import { DEV_CREDENTIALS } from "../dev-credentials.js";
import { portraitJpeg, portraitPng } from "../portraits/synthetic-portrait.js";
import { callAcs, callWithImage, faceQuery } from "../test-support/acs-client.js";
import { useImageServer } from "../test-support/image-server.js";
import { answered, type RawResponse } from "../test-support/raw-http.js";
import { useTestEmulator } from "../test-support/test-emulator.js";

const emulator = await useTestEmulator({ allowLoopbackUrls: true, downloadTimeoutMs: 300 });
const strict = await useTestEmulator();
const images = await useImageServer(() => portraitJpeg({ width: 480, height: 640 }));
const portrait = () => portraitJpeg({ width: 480, height: 640 });

interface Answer {
  RequestId: string;
  Code: string;
  Message: string;
  Result?: {
    TransactionId: string;
    Passed: string;
    SubCode: string;
    ExtFaceInfo: Record<string, string | number>;
  };
}

function productError(response: RawResponse, status: number, code: string): Answer {
  const { status: got, json, text } = answered(response);
  const body = json() as Answer;
  expect({ status: got, code: body.Code }).toEqual({ status, code });
  expect(Object.keys(body).sort()).toEqual(["Code", "Message", "RequestId"]);
  expect(text).not.toContain(DEV_CREDENTIALS.accessKeySecret);
  return body;
}

describe("FaceLivenessV2 answers", () => {
  it("success in Alibaba's shape, with honest scores, and bills the call once", async () => {
    const response = answered(await callWithImage(emulator.url, "ok0001", portrait()));
    expect(response.status).toBe(200);
    const body = response.json() as Answer;
    expect(body.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(body.Code).toBe("Success");
    expect(body.Message).toBe("success");
    expect(body.Result?.TransactionId).toMatch(/^hksb[0-9a-f]{28}$/);
    expect(body.Result?.Passed).toBe("Y");
    expect(body.Result?.SubCode).toBe("200");
    const info = body.Result?.ExtFaceInfo ?? {};
    expect(Object.keys(info).sort()).toEqual([
      "FaceAttack",
      "FaceQualityScore",
      "IlluminationScore",
      "KaOcclusionScore",
      "OcclusionResult",
      "OcclusionScore",
      "SharpnessScore",
    ]);
    for (const key of [
      "FaceQualityScore",
      "OcclusionScore",
      "KaOcclusionScore",
      "IlluminationScore",
      "SharpnessScore",
    ]) {
      expect(info[key]).toBeGreaterThan(70);
      expect(info[key]).toBeLessThanOrEqual(100);
    }
    expect(info.FaceAttack).toBe("N");
    expect(info.OcclusionResult).toBe("N");
    const entries = emulator.emulator.state.ledger.entries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      requestId: body.RequestId,
      transactionId: body.Result?.TransactionId,
      merchantBizId: "ok0001",
      merchantUserId: faceQuery("x").MerchantUserId,
      productCode: "FACE_LIVENESS_MIN_PRO",
      result: "Y",
      subCode: "200",
      region: "ap-southeast-1",
      accessKeyId: DEV_CREDENTIALS.accessKeyId,
    });
    expect(Date.parse(entries[0]?.time ?? "")).toBeGreaterThan(0);
  });

  it("a PNG in base64 mode and a landscape photo (with a lower quality score)", async () => {
    const png = answered(await callWithImage(emulator.url, "png1", portraitPng({ width: 480, height: 640 })));
    expect(png.status).toBe(200);
    const landscape = answered(
      await callWithImage(emulator.url, "land1", portraitJpeg({ width: 960, height: 720 })),
    );
    expect(landscape.status).toBe(200);
    const quality = (r: typeof png) => Number((r.json() as Answer).Result?.ExtFaceInfo.FaceQualityScore);
    expect(quality(landscape)).toBeLessThan(quality(png));
  });

  it("a picture downloaded from FacePictureUrl (loopback allowed for tests)", async () => {
    const response = await callAcs(emulator.url, {
      query: faceQuery("url1", { FacePictureUrl: `${images.url}/image` }),
    });
    expect(answered(response).status).toBe(200);
    expect(emulator.emulator.state.ledger.summary()).toEqual({ billed: 1, passed: 1, risk: 0 });
  });

  it("the same picture sent again: the same scores, measured once, and every call billed", async () => {
    const picture = portraitJpeg({ width: 500, height: 700 });
    const before = emulator.emulator.state.pictures.stats;
    const answers = await Promise.all(
      ["same1", "same2", "same3"].map(async (id) => answered(await callWithImage(emulator.url, id, picture))),
    );
    const after = emulator.emulator.state.pictures.stats;
    expect(after.measured - before.measured).toBe(1);
    expect(after.reused - before.reused).toBe(2);
    const bodies = answers.map((response) => response.json() as Answer);
    expect(bodies.map((body) => body.Result?.ExtFaceInfo)).toEqual([
      bodies[0]?.Result?.ExtFaceInfo,
      bodies[0]?.Result?.ExtFaceInfo,
      bodies[0]?.Result?.ExtFaceInfo,
    ]);
    expect(new Set(bodies.map((body) => body.Result?.TransactionId)).size).toBe(3);
    expect(emulator.emulator.state.ledger.summary()).toEqual({ billed: 3, passed: 3, risk: 0 });
  });
});

describe("FaceLivenessV2 refuses, without billing", () => {
  it("MissingParameter 400 for a missing ProductCode, MerchantBizId, MerchantUserId or picture", async () => {
    for (const name of ["ProductCode", "MerchantBizId", "MerchantUserId"]) {
      const query = faceQuery("miss1");
      delete query[name];
      const body = productError(
        await callAcs(emulator.url, { query, form: { FacePictureBase64: "AAAA" } }),
        400,
        "MissingParameter",
      );
      expect(body.Message).toContain(name);
    }
    productError(await callAcs(emulator.url, { query: faceQuery("miss2") }), 400, "MissingParameter");
  });

  it("InvalidParameter 400 for a bad ProductCode or MerchantBizId, bad base64, or a non-https URL", async () => {
    const form = { FacePictureBase64: bytesToBase64(portrait()) };
    const badCode = await callAcs(emulator.url, {
      query: faceQuery("inv1", { ProductCode: "LIVENESS" }),
      form,
    });
    expect(productError(badCode, 400, "InvalidParameter").Message).toContain("ProductCode");
    const badBiz = await callAcs(emulator.url, { query: faceQuery("not_valid!"), form });
    expect(productError(badBiz, 400, "InvalidParameter").Message).toContain("MerchantBizId");
    const badBase64 = await callAcs(emulator.url, {
      query: faceQuery("inv2"),
      form: { FacePictureBase64: "@@not base64@@" },
    });
    expect(productError(badBase64, 400, "InvalidParameter").Message).toContain("base64");
    const http = await callAcs(strict.url, {
      query: faceQuery("inv3", { FacePictureUrl: "http://example.com/a.jpg" }),
    });
    expect(productError(http, 400, "InvalidParameter").Message).toContain("https");
    const loopbackHttp = await callAcs(strict.url, {
      query: faceQuery("inv4", { FacePictureUrl: `${images.url}/image` }),
    });
    productError(loopbackHttp, 400, "InvalidParameter");
    const notUrl = await callAcs(emulator.url, { query: faceQuery("inv5", { FacePictureUrl: "face.jpg" }) });
    productError(notUrl, 400, "InvalidParameter");
  });

  it("DataDuplication 401 for two picture sources", async () => {
    const response = await callAcs(emulator.url, {
      query: faceQuery("dup1", { FacePictureUrl: `${images.url}/image` }),
      form: { FacePictureBase64: bytesToBase64(portrait()) },
    });
    productError(response, 401, "DataDuplication");
  });

  it("ToolargeImage 401 for base64 text over 1 MB and a download over 1 MB", async () => {
    const text = "A".repeat(1_048_580);
    productError(
      await callAcs(emulator.url, { query: faceQuery("big1"), form: { FacePictureBase64: text } }),
      401,
      "ToolargeImage",
    );
    const huge = await callAcs(emulator.url, {
      query: faceQuery("big2", { FacePictureUrl: `${images.url}/huge` }),
    });
    productError(huge, 401, "ToolargeImage");
  });

  it("UnqualifiedPhoto 401 for a tiny photo, one too wide, and what is not a JPEG or PNG", async () => {
    const tiny = await callWithImage(emulator.url, "uq1", portraitJpeg({ width: 240, height: 320 }));
    expect(productError(tiny, 401, "UnqualifiedPhoto").Message).toContain("240x320");
    const wide = await callWithImage(
      emulator.url,
      "uq2",
      portraitJpeg({ width: 1280, height: 720, quality: 60 }),
    );
    productError(wide, 401, "UnqualifiedPhoto");
    const gif = await callWithImage(emulator.url, "uq3", new TextEncoder().encode("GIF89a not really"));
    productError(gif, 401, "UnqualifiedPhoto");
  });

  it("UnqualifiedPhoto 401 with FaceQualityCheck=Y for a blurry or dark photo, which passes without it", async () => {
    for (const [id, options] of [
      ["blur1", { width: 480, height: 640, blur: 4 }],
      ["dark1", { width: 480, height: 640, brightness: 0.12 }],
    ] as const) {
      const photo = portraitJpeg(options);
      const checked = await callWithImage(emulator.url, id, photo, { FaceQualityCheck: "Y" });
      expect(productError(checked, 401, "UnqualifiedPhoto").Message).toContain("face quality check");
      expect(answered(await callWithImage(emulator.url, id, photo, { FaceQualityCheck: "N" })).status).toBe(
        200,
      );
    }
    expect(emulator.emulator.state.ledger.summary().billed).toBe(2);
  });

  it("NoFaceDetected 401 for a blank image", async () => {
    const blank = portraitJpeg({ width: 480, height: 640, uniform: true });
    productError(await callWithImage(emulator.url, "noface1", blank), 401, "NoFaceDetected");
  });

  it("DownloadTimeout 401 for a URL that does not answer in time, answers 404 or redirects", async () => {
    for (const path of ["/slow", "/missing", "/redirect"]) {
      const response = await callAcs(emulator.url, {
        query: faceQuery("dl1", { FacePictureUrl: `${images.url}${path}` }),
      });
      productError(response, 401, "DownloadTimeout");
    }
  });

  it("DownloadTimeout 401, without a fetch, for a host Alibaba could not reach", async () => {
    for (const url of [
      "https://127.0.0.1/a.jpg",
      "https://10.0.0.8/a.jpg",
      "https://169.254.169.254/latest",
    ]) {
      const response = await callAcs(strict.url, { query: faceQuery("dl2", { FacePictureUrl: url }) });
      expect(productError(response, 401, "DownloadTimeout").Message).toContain("not publicly reachable");
    }
  });

  it("bills none of these errors", async () => {
    await callAcs(emulator.url, { query: faceQuery("none1") });
    await callWithImage(emulator.url, "none2", new Uint8Array(10));
    expect(emulator.emulator.state.ledger.summary()).toEqual({ billed: 0, passed: 0, risk: 0 });
    expect(emulator.emulator.state.calls.countByCode()).toEqual({ MissingParameter: 1, UnqualifiedPhoto: 1 });
  });
});
