import { portraitJpeg } from "@liveness-kit/emulator/portraits";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { LivenessError, ValidationError } from "../../packages/core/dist/errors/index.js";
import {
  checkImage,
  readImageInfo,
  sniffImageFormat,
  verifyImageData,
} from "../../packages/core/dist/image/index.js";
import { buildFaceLivenessRequest } from "../../packages/core/dist/request/index.js";
import { parseFaceLivenessResponse } from "../../packages/core/dist/response/index.js";
import { signRequest, verifyRequest } from "../../packages/core/dist/sign/index.js";
import { editJpegHeader } from "../fixtures/edit-jpeg-header.js";
import { encodePng } from "../fixtures/encode-png.js";
import { gatewayErrorAnswer, mutatedAnswer, validAnswer } from "./fuzz/mutated-answer.js";
import { mutatedBytes } from "./fuzz/mutated-bytes.js";

// fast-check over core's parsers with random and mutated input: a typed error (a LivenessError) or a
// well-formed result, never another exception. Functions documented as never throwing must not throw
// at all. Failures print fast-check's seed and the shrunk counterexample.

/** Small valid images (header parsing does not care about the size): JPEG, JPEG with EXIF, PNG. */
const jpeg = portraitJpeg({ width: 64, height: 96, quality: 80, seed: 3 });
const VALID_IMAGES = [
  jpeg,
  editJpegHeader(jpeg, { orientation: 6 }),
  encodePng({ width: 24, height: 32, seed: 2 }),
];

/** Checks what the image functions return for any bytes (they never throw, so no catch). */
function expectImageFunctionsHold(bytes: Uint8Array, mode: "base64" | "url" | "file"): void {
  const format = sniffImageFormat(bytes);
  expect([undefined, "jpeg", "png"]).toContain(format);
  const info = readImageInfo(bytes);
  if (info !== undefined) {
    expect(info.format).toBe(format);
    for (const size of [info.width, info.height, info.storedWidth, info.storedHeight]) {
      expect(Number.isSafeInteger(size) && size >= 0).toBe(true);
    }
    expect(info.orientation).toBeGreaterThanOrEqual(1);
    expect(info.orientation).toBeLessThanOrEqual(8);
  }
  const report = checkImage(bytes, { mode });
  expect(report.bytes).toBe(bytes.byteLength);
  expect(report.ok).toBe(report.problems.length === 0);
  if (report.ok) expect(report.info).toBeDefined();
  for (const problem of report.problems) {
    expect(typeof problem.code).toBe("string");
    expect(problem.message.length).toBeLessThan(500);
  }
}

/** Runs `action`: any exception must be a LivenessError (a typed error); returns it, or undefined. */
function typedFailure(action: () => unknown): LivenessError | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (!(error instanceof LivenessError))
      throw new Error(`untyped exception: ${String(error)}`, { cause: error });
    return error;
  }
}

const mode = fc.constantFrom("base64" as const, "url" as const, "file" as const);

describe("fuzz: the image sniffer and header readers", () => {
  test("the valid images pass, so the mutations below start from real images", () => {
    for (const image of VALID_IMAGES) expect(readImageInfo(image)).toBeDefined();
  });

  test("random bytes: never throw, always a well-formed answer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4_096 }), mode, (bytes, m) =>
        expectImageFunctionsHold(bytes, m),
      ),
      { numRuns: 3_000 },
    );
  });

  test("random bytes behind a JPEG or PNG signature: never throw", () => {
    const signatures = [
      new Uint8Array([0xff, 0xd8, 0xff]),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...signatures),
        fc.uint8Array({ maxLength: 2_048 }),
        mode,
        (signature, rest, m) => {
          const bytes = new Uint8Array(signature.byteLength + rest.byteLength);
          bytes.set(signature);
          bytes.set(rest, signature.byteLength);
          expectImageFunctionsHold(bytes, m);
        },
      ),
      { numRuns: 3_000 },
    );
  });

  test("mutated JPEG and PNG images (flipped, overwritten, inserted, deleted bytes, cuts): never throw", () => {
    fc.assert(
      fc.property(mutatedBytes(VALID_IMAGES), mode, (bytes, m) => expectImageFunctionsHold(bytes, m)),
      { numRuns: 5_000 },
    );
  });
});

describe("fuzz: the image data check (verifyImageData)", () => {
  /** Never rejects; a well-formed report; `ok` exactly when there is no problem. */
  async function expectReport(bytes: Uint8Array): Promise<boolean> {
    const report = await verifyImageData(bytes);
    expect(report.bytes).toBe(bytes.byteLength);
    expect(report.ok).toBe(report.problems.length === 0);
    for (const problem of report.problems) {
      expect(typeof problem.code).toBe("string");
      expect(problem.message.length).toBeLessThan(500);
      expect(problem.fix.length).toBeGreaterThan(0);
    }
    return report.ok;
  }

  test("the valid images pass, so the mutations below start from sound data", async () => {
    for (const image of VALID_IMAGES) expect(await expectReport(image)).toBe(true);
  });

  test("random bytes, bare or behind a JPEG or PNG signature: never reject, never pass", async () => {
    const signatures = [
      new Uint8Array(0),
      new Uint8Array([0xff, 0xd8, 0xff]),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...signatures),
        fc.uint8Array({ maxLength: 2_048 }),
        async (signature, rest) => {
          const bytes = new Uint8Array(signature.byteLength + rest.byteLength);
          bytes.set(signature);
          bytes.set(rest, signature.byteLength);
          // Random data cannot hold the tables, scans and checksums a sound image needs.
          expect(await expectReport(bytes)).toBe(false);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  test("mutated JPEG and PNG images: never reject, always a well-formed report", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBytes(VALID_IMAGES), async (bytes) => {
        await expectReport(bytes);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("fuzz: the response parser", () => {
  const headers = fc.dictionary(
    fc.constantFrom("x-acs-retry-after", "retry-after", "content-type", "x-acs-request-id"),
    fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String)),
  );
  const status = fc.oneof(
    fc.constantFrom(200, 400, 401, 403, 404, 429, 500, 503),
    fc.integer({ min: 100, max: 599 }),
  );

  /** Parses; a result must look like one, a failure must be typed. */
  function expectParsedOrTyped(response: {
    status: number;
    body: string;
    headers: Record<string, string>;
  }): void {
    let result: ReturnType<typeof parseFaceLivenessResponse> | undefined;
    const failure = typedFailure(() => {
      result = parseFaceLivenessResponse(response);
    });
    if (failure) {
      expect(failure.message.length).toBeLessThan(1_000);
      return;
    }
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    expect(typeof result?.passed).toBe("boolean");
    expect(typeof result?.subCode).toBe("string");
    for (const score of [
      result?.face.qualityScore,
      result?.face.sharpnessScore,
      result?.face.occlusionScore,
    ]) {
      expect(Number.isFinite(score)).toBe(true);
    }
  }

  test("the documented answers parse: a verdict, and a typed error", () => {
    expect(parseFaceLivenessResponse({ status: 200, body: JSON.stringify(validAnswer()) }).passed).toBe(true);
    const error = typedFailure(() =>
      parseFaceLivenessResponse({ status: 400, body: JSON.stringify(gatewayErrorAnswer()) }),
    );
    expect(error?.code).toBe("SignatureDoesNotMatch");
  });

  test("random text and random JSON: a result or a typed error", () => {
    const body = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json({ maxDepth: 4 }),
      fc.anything({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? ""),
    );
    fc.assert(
      fc.property(status, body, headers, (s, b, h) =>
        expectParsedOrTyped({ status: s, body: b, headers: h }),
      ),
      { numRuns: 3_000 },
    );
  });

  test("mutated valid answers (fields replaced, removed, renamed, stringified): a result or a typed error", () => {
    fc.assert(
      fc.property(status, mutatedAnswer, headers, (s, answer, h) =>
        expectParsedOrTyped({ status: s, body: JSON.stringify(answer), headers: h }),
      ),
      { numRuns: 4_000 },
    );
  });

  test("valid answers cut or with flipped characters: a result or a typed error", () => {
    const text = JSON.stringify(validAnswer());
    fc.assert(
      fc.property(
        fc.nat({ max: text.length }),
        fc.nat({ max: text.length - 1 }),
        fc.string({ minLength: 1, maxLength: 1 }),
        (cut, at, char) => {
          expectParsedOrTyped({ status: 200, body: text.slice(0, cut), headers: {} });
          expectParsedOrTyped({
            status: 200,
            body: `${text.slice(0, at)}${char}${text.slice(at + 1)}`,
            headers: {},
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe("fuzz: the request builder", () => {
  /** A user id a test can look for in messages: never echoed, whatever else is wrong. */
  const userId = fc.string({ minLength: 8, maxLength: 40 }).map((s) => `uid-${s}-end`);
  const anyValue = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.object({ maxDepth: 1 }),
  );
  const picture = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.base64String({ maxLength: 400 }),
    fc.webUrl({ withQueryParameters: true }),
    fc.constantFrom(
      "https://images.example.com/a.jpg",
      "http://oss.example.com/a.jpg",
      "data:image/png;base64,AAAA",
      "",
    ),
  );
  const input = fc.record(
    {
      merchantBizId: fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,32}$/), anyValue),
      merchantUserId: fc.oneof(userId, anyValue),
      productCode: fc.oneof(fc.constantFrom("FACE_LIVENESS_MIN_PRO", "FACE_LIVENESS_MIN"), anyValue),
      facePictureBase64: fc.oneof(picture, anyValue),
      facePictureUrl: fc.oneof(picture, anyValue),
      facePictureFile: fc.oneof(picture, anyValue),
      faceQualityCheck: fc.oneof(fc.boolean(), anyValue),
      faceAttributeCheck: fc.oneof(fc.boolean(), anyValue),
    },
    { requiredKeys: [] },
  );

  test("random inputs: a request or a typed error that never echoes the user id", () => {
    fc.assert(
      fc.property(input, (value) => {
        let built: ReturnType<typeof buildFaceLivenessRequest> | undefined;
        const failure = typedFailure(() => {
          built = buildFaceLivenessRequest(value as Parameters<typeof buildFaceLivenessRequest>[0]);
        });
        if (failure) {
          if (typeof value.merchantUserId === "string" && value.merchantUserId.startsWith("uid-")) {
            expect(failure.message).not.toContain(value.merchantUserId);
          }
          return;
        }
        expect(built?.query.MerchantUserId).toBe(value.merchantUserId);
        for (const item of Object.values(built?.query ?? {})) expect(typeof item).toBe("string");
        const sources = [
          built?.form?.FacePictureBase64,
          built?.query.FacePictureUrl,
          built?.query.FacePictureFile,
        ];
        expect(sources.filter((source) => source !== undefined)).toHaveLength(1);
      }),
      { numRuns: 4_000 },
    );
  });

  test("anything at all as the input: a request or a typed error", () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 2, withBigInt: true, withMap: true, withSet: true }), (value) => {
        const failure = typedFailure(() =>
          buildFaceLivenessRequest(value as Parameters<typeof buildFaceLivenessRequest>[0]),
        );
        if (failure) expect(failure).toBeInstanceOf(ValidationError);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("fuzz: the signature verifier", () => {
  const credentials = {
    accessKeyId: "LTAI5tFuzzKey00000000001",
    accessKeySecret: "fuzz-secret-not-a-real-one",
  };
  const lookup = (id: string) => (id === credentials.accessKeyId ? credentials.accessKeySecret : undefined);
  const date = new Date("2026-01-02T03:04:05Z");
  const url =
    "https://cloudauth-intl.ap-southeast-1.aliyuncs.com/?MerchantBizId=abc123&MerchantUserId=u%201&ProductCode=FACE_LIVENESS_MIN_PRO";
  const body = new TextEncoder().encode("FacePictureBase64=%2F9j%2F4AAQ");

  /** A request signed with ACS3-HMAC-SHA256 as the proxy sends it. */
  async function signed(): Promise<{
    method: string;
    url: string;
    headers: Record<string, string>;
    body: Uint8Array;
  }> {
    const headers = await signRequest(
      { method: "POST", url, headers: { "content-type": "application/x-www-form-urlencoded" }, body },
      credentials,
      { action: "FaceLivenessV2", version: "2022-08-09", date, nonce: "0123456789abcdef0123456789abcdef" },
    );
    return { method: "POST", url, headers, body };
  }

  test("the unmutated request verifies, so every refusal below comes from its mutation", async () => {
    expect(await verifyRequest(await signed(), lookup, { now: date })).toMatchObject({ ok: true });
  });

  test("mutated signed requests: never throw, and a real change is always refused", async () => {
    const original = await signed();
    const headerNames = Object.keys(original.headers);
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant("header" as const),
        name: fc.constantFrom(...headerNames),
        value: fc.string({ maxLength: 80 }),
      }),
      fc.record({ kind: fc.constant("drop" as const), name: fc.constantFrom(...headerNames) }),
      fc.record({
        kind: fc.constant("add" as const),
        name: fc.stringMatching(/^x-acs-[a-z-]{1,12}$/),
        value: fc.string({ maxLength: 20 }),
      }),
      fc.record({ kind: fc.constant("body" as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant("query" as const), text: fc.string({ maxLength: 40 }) }),
      fc.record({ kind: fc.constant("url" as const), text: fc.string({ maxLength: 120 }) }),
      fc.record({ kind: fc.constant("method" as const), method: fc.constantFrom("GET", "PUT", "post", "") }),
      fc.record({
        kind: fc.constant("authorization" as const),
        cut: fc.nat(),
        insert: fc.string({ maxLength: 12 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const request = { ...original, headers: { ...original.headers }, body: original.body.slice() };
        // A new URL text or an edited Authorization may spell the same request differently: those are
        // only held to "never throws". Any other difference from the original must be refused.
        let urlRewritten = false;
        let authorizationEdited = false;
        for (const m of mutations) {
          if (m.kind === "header") request.headers[m.name] = m.value;
          else if (m.kind === "drop") delete request.headers[m.name];
          else if (m.kind === "add") request.headers[m.name] = m.value;
          else if (m.kind === "body") {
            const at = m.at % request.body.byteLength;
            request.body[at] = (request.body[at] ?? 0) ^ m.xor;
          } else if (m.kind === "query") request.url = `${request.url}&Extra=${encodeURIComponent(m.text)}`;
          else if (m.kind === "url") {
            request.url = m.text;
            urlRewritten = true;
          } else if (m.kind === "method") request.method = m.method;
          else {
            const value = request.headers.authorization ?? "";
            const at = m.cut % (value.length + 1);
            request.headers.authorization = `${value.slice(0, at)}${m.insert}${value.slice(at)}`;
            authorizationEdited = true;
          }
        }
        // Without a host header the verifier takes the host from the URL, which still names it.
        if (!("host" in request.headers) && !urlRewritten) request.headers.host = new URL(request.url).host;
        const names = new Set([...Object.keys(original.headers), ...Object.keys(request.headers)]);
        const changed =
          [...names].some(
            (name) =>
              !(authorizationEdited && name === "authorization") &&
              request.headers[name]?.trim() !== original.headers[name]?.trim(),
          ) ||
          request.body.some((byte, i) => byte !== original.body[i]) ||
          (!urlRewritten && request.url !== original.url) ||
          request.method.toUpperCase() !== original.method;
        const result = await verifyRequest(request, lookup, { now: date });
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
        if (changed) expect(result).toMatchObject({ ok: false });
      }),
      { numRuns: 1_500 },
    );
  });

  test("random requests: never throw, never verify", async () => {
    const anyHeaders = fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          "authorization",
          "host",
          "x-acs-date",
          "x-acs-signature-nonce",
          "x-acs-content-sha256",
        ),
        fc.string({ maxLength: 12 }),
      ),
      fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.constantFrom(
          "ACS3-HMAC-SHA256 Credential=LTAI5tFuzzKey00000000001,SignedHeaders=host,Signature=00",
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 100 }),
        fc.oneof(fc.webUrl(), fc.string({ maxLength: 60 })),
        anyHeaders,
        fc.uint8Array({ maxLength: 64 }),
        async (method, target, headers, bytes) => {
          const result = await verifyRequest({ method, url: target, headers, body: bytes }, lookup, {
            now: date,
          });
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 1_500 },
    );
  });
});
