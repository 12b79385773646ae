import { bytesToBase64, encodeFormBody, signRequest } from "@liveness-kit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmulator } from "./app.js";
import { DEV_CREDENTIALS } from "./dev-credentials.js";
import { portraitJpeg, portraitPng } from "./portraits/synthetic-portrait.js";

// Whatever arrives, the emulator answers a clean 4xx (Alibaba's JSON, or OSS's XML on the upload path): never
// a 5xx, a crash or a hang.
// No network: a download "fails" at once, as it would offline.
const offline = () => Promise.reject(new TypeError("offline"));
const emulator = createEmulator({ qps: false, fetch: offline });

const text = fc.string({ maxLength: 40 });
const header = fc.oneof(
  text,
  fc.constantFrom("", "ACS3-HMAC-SHA256", "ACS3-HMAC-SHA256 Credential=LTAI5tEmulatorDevKey00001"),
  fc
    .tuple(text, text, fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), maxLength: 70 }))
    .map(([id, names, sig]) => `ACS3-HMAC-SHA256 Credential=${id},SignedHeaders=${names},Signature=${sig}`),
);
const printable = (value: string) => value.replace(/[^\x20-\x7e]/g, "");

const request = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE"),
  path: fc.constantFrom("/", "/x", "/__oss/cloudauth-intl-emulator-ap-southeast-1/", "/__oss/nope/"),
  query: fc.array(
    fc.tuple(
      fc.constantFrom(
        "Action",
        "Version",
        "Signature",
        "MerchantBizId",
        "Timestamp",
        "AccessKeyId",
        "SignatureNonce",
        "SignatureMethod",
        "SignatureVersion",
        "FacePictureUrl",
        "x",
      ),
      text,
    ),
    { maxLength: 8 },
  ),
  authorization: header,
  action: fc.constantFrom(undefined, "FaceLivenessV2", "AuthorizeFileUpload", "Other"),
  version: fc.constantFrom(undefined, "2022-08-09", "2019-12-19", "x"),
  date: fc.constantFrom(
    undefined,
    "2030-01-01T00:00:00Z",
    "yesterday",
    new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  ),
  contentType: fc.constantFrom(
    undefined,
    "application/x-www-form-urlencoded",
    "application/json",
    "multipart/form-data; boundary=x",
  ),
  body: fc.uint8Array({ maxLength: 300 }),
});

describe("hostile requests", () => {
  it("always get a clean 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const url = new URL(`http://127.0.0.1:8790${r.path}`);
        for (const [name, value] of r.query) url.searchParams.append(name, value);
        const headers: Record<string, string> = { authorization: printable(r.authorization) };
        if (r.action) headers["x-acs-action"] = r.action;
        if (r.version) headers["x-acs-version"] = r.version;
        if (r.date) headers["x-acs-date"] = r.date;
        if (r.contentType) headers["content-type"] = r.contentType;
        const hasBody = r.method !== "GET" && r.body.length > 0;
        const response = await emulator.fetch(
          new Request(url, { method: r.method, headers, ...(hasBody ? { body: r.body } : {}) }),
        );
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const body = await response.text();
        expect(body.includes("<Code>") || JSON.parse(body).Code !== undefined).toBe(true);
      }),
      { numRuns: 300, seed: 20251126 },
    );
  });
});

const jpeg = portraitJpeg({ width: 480, height: 640 });
const png = portraitPng({ width: 480, height: 640 });
const damaged = (bytes: Uint8Array) =>
  fc
    .tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 4000 }), fc.nat(255))
    .map(([at, length, value]) => {
      const copy = bytes.slice();
      copy.fill(value, at, at + length);
      return copy;
    });
const picture = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.uint8Array({ maxLength: 2000 }).map((tail) => new Uint8Array([0xff, 0xd8, 0xff, ...tail])),
  fc
    .uint8Array({ maxLength: 2000 })
    .map((tail) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...tail])),
  fc.nat(jpeg.length).map((end) => jpeg.slice(0, end)),
  fc.nat(png.length).map((end) => png.slice(0, end)),
  damaged(jpeg),
  damaged(png),
);
const signedCall = fc.record({
  productCode: fc.constantFrom("FACE_LIVENESS_MIN_PRO", "FACE_LIVENESS_MIN", "FACE_LIVENESS_MIN_PRO", "X"),
  merchantBizId: fc.oneof(
    { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,32}$/) },
    { weight: 1, arbitrary: text },
  ),
  merchantUserId: fc.oneof(fc.constant("2c26b46b68ffc68ff99b453c1d304134"), text),
  check: fc.constantFrom(undefined, "Y", "N", "maybe"),
  // Mostly one base64 picture, so that most calls reach the decoders; sometimes other or several sources.
  source: fc.oneof(
    { weight: 6, arbitrary: fc.record({ base64: fc.oneof(picture.map(bytesToBase64), text) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        url: fc.oneof(
          text,
          fc.constantFrom("https://example.com/a.jpg", "http://127.0.0.1/a", "https://10.0.0.1/"),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        file: fc.oneof(text, fc.constant("http://cloudauth-intl-emulator-ap-southeast-1.127.0.0.1:8790/k")),
      }),
    },
    { weight: 1, arbitrary: fc.record({ base64: text, url: text }) },
  ),
});

describe("hostile but correctly signed calls", () => {
  it("get a success or a clean 4xx, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(signedCall, async (call) => {
        const url = new URL("http://127.0.0.1:8790/");
        const source: { base64?: string; url?: string; file?: string } = call.source;
        const query: Record<string, string | undefined> = {
          ProductCode: call.productCode,
          MerchantBizId: call.merchantBizId,
          MerchantUserId: call.merchantUserId,
          FaceQualityCheck: call.check,
          FacePictureUrl: source.url,
          FacePictureFile: source.file,
        };
        for (const [name, value] of Object.entries(query))
          if (value !== undefined) url.searchParams.set(name, value);
        const body =
          source.base64 === undefined ? undefined : encodeFormBody({ FacePictureBase64: source.base64 });
        const headers = await signRequest(
          {
            method: "POST",
            url,
            ...(body ? { body, headers: { "content-type": "application/x-www-form-urlencoded" } } : {}),
          },
          DEV_CREDENTIALS,
          { action: "FaceLivenessV2", version: "2022-08-09" },
        );
        const response = await emulator.fetch(
          new Request(url, { method: "POST", headers, ...(body ? { body } : {}) }),
        );
        expect(response.status === 200 || (response.status >= 400 && response.status < 500)).toBe(true);
        expect((JSON.parse(await response.text()) as { Code?: string }).Code).toBeDefined();
      }),
      { numRuns: 200, seed: 7 },
    );
    // The run reached the decoders: some pictures passed, some were refused as photos.
    expect(emulator.state.calls.countByCode().Success).toBeGreaterThan(0);
    expect(emulator.state.calls.countByCode().UnqualifiedPhoto).toBeGreaterThan(0);
  });
});
