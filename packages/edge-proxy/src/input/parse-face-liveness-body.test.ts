import { bytesToBase64 } from "@liveness-kit/core/image";
import { describe, expect, it } from "vitest";
import { ProxyError } from "../answers/proxy-error.js";
import { DEFAULT_BODY_READ_LIMITS } from "./body-read-limits.js";
import { parseFaceLivenessBody } from "./parse-face-liveness-body.js";

const USER = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const LIMIT = { ...DEFAULT_BODY_READ_LIMITS, maxBytes: 100_000 };

function json(body: unknown, contentType = "application/json"): Request {
  return new Request("https://proxy.test/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function multipart(fields: [string, string | File][]): Request {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return new Request("https://proxy.test/", { method: "POST", body: form });
}

async function failure(request: Request): Promise<ProxyError> {
  const error = await parseFaceLivenessBody(request, LIMIT).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ProxyError)) throw new Error(`expected a ProxyError, got ${String(error)}`);
  return error;
}

async function issuesOf(request: Request): Promise<{ field: string; code: string; message: string }[]> {
  const error = await failure(request);
  expect(error.status).toBe(400);
  expect(error.code).toBe("invalid_request");
  return (error.details as { issues: { field: string; code: string; message: string }[] }).issues;
}

const file = () => new File([new Uint8Array([0xff, 0xd8, 0xff])], "face.jpg", { type: "image/jpeg" });

describe("parseFaceLivenessBody: JSON", () => {
  it("hands on a long picture's base64 already decoded, and the same text", async () => {
    const bytes = Uint8Array.from({ length: 6_000 }, (_, i) => (i * 31) & 0xff);
    const base64 = bytesToBase64(bytes);
    const body = await parseFaceLivenessBody(json({ merchantUserId: USER, image: { base64 } }), LIMIT);
    expect(body.picture).toEqual({ kind: "base64", base64, bytes });
    // Two keys named alike, one of them the picture's: still refused, lifted or not.
    expect(
      (await failure(json(`{"merchantUserId":"${USER}","image":{"base64":"${base64}","base64":"AAAA"}}`)))
        .code,
    ).toBe("invalid_request");
  });

  it("accepts the documented shapes", async () => {
    expect(
      await parseFaceLivenessBody(json({ merchantUserId: USER, image: { base64: "AAAA" } }), LIMIT),
    ).toEqual({
      merchantUserId: USER,
      faceQualityCheck: false,
      picture: { kind: "base64", base64: "AAAA" },
    });
    expect(
      await parseFaceLivenessBody(
        json(
          {
            merchantBizId: "abc123",
            merchantUserId: USER,
            image: { url: "https://x.example/a.jpg" },
            faceQualityCheck: true,
          },
          "application/json; charset=utf-8",
        ),
        LIMIT,
      ),
    ).toEqual({
      merchantBizId: "abc123",
      merchantUserId: USER,
      faceQualityCheck: true,
      picture: { kind: "url", url: "https://x.example/a.jpg" },
    });
  });

  it.each([
    ["text/plain", 415, "unsupported_media_type"],
    ["application/x-www-form-urlencoded", 415, "unsupported_media_type"],
    ["", 415, "unsupported_media_type"],
  ])("refuses content type %j", async (contentType, status, code) => {
    const error = await failure(json({}, contentType));
    expect([error.status, error.code]).toEqual([status, code]);
  });

  it("refuses a body that is not JSON, or not UTF-8", async () => {
    expect((await failure(json("{oops"))).code).toBe("invalid_json");
    const latin1 = new Request("https://proxy.test/", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]),
    });
    expect((await failure(latin1)).code).toBe("invalid_json");
  });

  it.each([
    "application/json; charset=utf-16",
    "application/json; charset=UTF-16LE",
    'application/json; charset="iso-8859-1"',
    "application/json;charset=windows-1252",
    "multipart/form-data; boundary=x; charset=utf-16",
  ])("refuses %s with 415: only UTF-8 is read", async (contentType) => {
    const error = await failure(json({ merchantUserId: USER, image: { base64: "AAAA" } }, contentType));
    expect(error.status).toBe(415);
    expect(error.code).toBe("unsupported_media_type");
  });

  it.each([
    "application/json; charset=utf-8",
    "application/json; charset=UTF8",
    'application/json; charset="utf-8"',
  ])("reads %s", async (contentType) => {
    const body = await parseFaceLivenessBody(
      json({ merchantUserId: USER, image: { base64: "AAAA" } }, contentType),
      LIMIT,
    );
    expect(body.merchantUserId).toBe(USER);
  });

  it.each([
    [
      `{"merchantUserId":"alice@example.com","merchantUserId":"${USER}","image":{"base64":"AAAA"}}`,
      "merchantUserId",
    ],
    [
      `{"merchantUserId":"${USER}","merchant\u0055serId":"${USER}","image":{"base64":"AAAA"}}`,
      "merchantUserId",
    ],
    [`{"merchantUserId":"${USER}","image":{"base64":"AAAA","base64":"AAAA"}}`, "base64"],
    [
      `{"merchantUserId":"${USER}","image":{"base64":"AAAA"},"faceQualityCheck":true,"faceQualityCheck":false}`,
      "faceQualityCheck",
    ],
  ])("refuses duplicate keys: %s", async (body, field) => {
    const issues = await issuesOf(json(body));
    expect(issues).toEqual([{ field, code: "duplicate_field", message: `${field} is sent more than once` }]);
  });

  it("refuses a body over the limit while reading it", async () => {
    const error = await parseFaceLivenessBody(
      json({ merchantUserId: USER, image: { base64: "A".repeat(LIMIT.maxBytes) } }),
      LIMIT,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it.each([
    [null, "", "invalid_type"],
    [[], "", "invalid_type"],
    ["text", "", "invalid_type"],
  ])("refuses the non-object body %j", async (body, field, code) => {
    const issues = await issuesOf(json(JSON.stringify(body)));
    expect(issues[0]).toMatchObject({ field, code });
  });

  it("lists every problem, each with its field", async () => {
    const issues = await issuesOf(
      json({
        merchantBizId: "has-dash",
        image: { base64: "AA", url: "https://x.example/" },
        faceQualityCheck: "yes",
      }),
    );
    expect(issues.map(({ field, code }) => `${field}:${code}`).sort()).toEqual([
      "faceQualityCheck:invalid_type",
      "image:one_picture_source",
      "merchantBizId:invalid_format",
      "merchantUserId:required",
    ]);
  });

  it.each([
    ["a raw user id", "alice@example.com"],
    ["upper-case hex", USER.toUpperCase()],
    ["a short hash", USER.slice(1)],
    ["a number", 42],
  ])(
    "requires merchantUserId to be a SHA-256 hex digest, not %s, without echoing it",
    async (_name, merchantUserId) => {
      const issues = await issuesOf(json({ merchantUserId, image: { base64: "AAAA" } }));
      expect(issues.map((issue) => issue.field)).toEqual(["merchantUserId"]);
      expect(JSON.stringify(issues)).not.toContain(String(merchantUserId));
    },
  );

  it.each(["x".repeat(33), "with space", "ünïcode", ""])(
    "refuses merchantBizId %j",
    async (merchantBizId) => {
      const issues = await issuesOf(json({ merchantBizId, merchantUserId: USER, image: { base64: "AAAA" } }));
      expect(issues).toEqual([expect.objectContaining({ field: "merchantBizId", code: "invalid_format" })]);
    },
  );

  it.each([
    [{ base64: "AA", url: "https://x.example/a.jpg" }, "one_picture_source"],
    [{}, "one_picture_source"],
    ["AAAA", "invalid_type"],
    [{ base64: "" }, "invalid_format"],
    [{ base64: 12 }, "invalid_type"],
  ])("refuses image %j", async (image, code) => {
    const issues = await issuesOf(json({ merchantUserId: USER, image }));
    expect(issues.map((issue) => issue.code)).toContain(code);
  });

  it("refuses unknown fields, at the top, nested, and __proto__", async () => {
    const issues = await issuesOf(
      json(
        `{"merchantUserId":"${USER}","image":{"base64":"AAAA","extra":1},"debug":true,"__proto__":{"x":1}}`,
      ),
    );
    expect(issues.map(({ field, code }) => `${field}:${code}`).sort()).toEqual([
      "__proto__:unknown_field",
      "debug:unknown_field",
      "image.extra:unknown_field",
    ]);
  });
});

describe("parseFaceLivenessBody: hostile bodies", () => {
  it("answers a body of many problems with a short list", async () => {
    const unknown = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`extra${index}`, 1]));
    const error = await failure(json({ merchantUserId: USER, image: { base64: "AAAA" }, ...unknown }));
    const issues = (error.details as { issues: unknown[] }).issues;
    expect(issues.length).toBeGreaterThanOrEqual(1);
    expect(issues.length).toBeLessThanOrEqual(20);
    expect(error.message.length).toBeLessThan(2_000);
  });

  it("answers deeply nested JSON as a 400, not a crash", async () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    expect((await failure(json(`{"merchantUserId":"${USER}","image":${deep}}`))).status).toBe(400);
  });
});

describe("parseFaceLivenessBody: multipart", () => {
  it("accepts the same fields with the picture as file `image`", async () => {
    const body = await parseFaceLivenessBody(
      multipart([
        ["merchantBizId", "abc123"],
        ["merchantUserId", USER],
        ["faceQualityCheck", "true"],
        ["image", file()],
      ]),
      LIMIT,
    );
    expect(body.merchantBizId).toBe("abc123");
    expect(body.faceQualityCheck).toBe(true);
    expect(body.picture).toEqual({ kind: "file", bytes: new Uint8Array([0xff, 0xd8, 0xff]) });
  });

  it("refuses a missing file, a text `image`, a duplicate, an unknown field and a bad flag", async () => {
    expect((await issuesOf(multipart([["merchantUserId", USER]])))[0]).toMatchObject({
      field: "image",
      code: "required",
    });
    expect(
      (
        await issuesOf(
          multipart([
            ["merchantUserId", USER],
            ["image", "not a file"],
          ]),
        )
      )[0],
    ).toMatchObject({ field: "image", code: "invalid_type" });
    const duplicate = await issuesOf(
      multipart([
        ["merchantUserId", USER],
        ["merchantUserId", USER],
        ["image", file()],
      ]),
    );
    expect(duplicate[0]).toMatchObject({ field: "merchantUserId", code: "duplicate_field" });
    const unknown = await issuesOf(
      multipart([
        ["merchantUserId", USER],
        ["image", file()],
        ["imageUrl", "https://x.example/"],
      ]),
    );
    expect(unknown[0]).toMatchObject({ field: "imageUrl", code: "unknown_field" });
    const flag = await issuesOf(
      multipart([
        ["merchantUserId", USER],
        ["image", file()],
        ["faceQualityCheck", "maybe"],
      ]),
    );
    expect(flag[0]).toMatchObject({ field: "faceQualityCheck" });
  });

  it.each([
    ["a file", () => file()],
    ["a string", () => "x"],
  ])("refuses a part named __proto__ (%s) as an unknown field, like JSON", async (_kind, value) => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const issues = await issuesOf(
        multipart([
          ["merchantUserId", USER],
          [name, value()],
          ["image", file()],
        ]),
      );
      expect(issues).toEqual([
        { field: name, code: "unknown_field", message: `${name} is not a known field` },
      ]);
    }
  });

  it("refuses a body of more parts than the form has fields before parsing it", async () => {
    const parts: [string, string][] = Array.from({ length: 500 }, () => ["x", ""]);
    const error = await failure(multipart([["merchantUserId", USER], ...parts, ["image", file()]]));
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_multipart");
    expect(error.message).toContain("more than 8 parts");
    // Eight parts are still read (and judged on their names).
    const eight: [string, string | File][] = [
      ["merchantUserId", USER],
      ["image", file()],
      ...Array.from({ length: 6 }, (_, index): [string, string] => [`extra${index}`, ""]),
    ];
    expect((await issuesOf(multipart(eight))).map((issue) => issue.code)).toEqual(
      Array(6).fill("unknown_field"),
    );
  });

  it("refuses a body that is not valid multipart", async () => {
    const broken = new Request("https://proxy.test/", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
      body: "this is not multipart at all",
    });
    expect((await failure(broken)).code).toBe("invalid_multipart");
  });
});
