import type { BadRequestCase } from "./bad-request-case.js";
import { bearer, freshCallerToken } from "./caller-credentials.js";
import { acceptableBody, jsonCase } from "./json-request.js";
import { sampleImages } from "./sample-images.js";

const unsupported = { status: 415, code: "unsupported_media_type" } as const;

/** An acceptable JSON body under a media type the proxy does not take. */
const mislabelled = (contentType: string | null): BadRequestCase =>
  jsonCase(
    `an acceptable JSON body sent as ${contentType === null ? "no content type" : JSON.stringify(contentType)}`,
    unsupported,
    () => acceptableBody(),
    {
      contentType,
    },
  );

/** Wrong, missing and look-alike content types: only application/json and multipart/form-data are read. */
export const contentTypeCases: BadRequestCase[] = [
  // Any charset but UTF-8 would be read as UTF-8 and mean something else than what was sent.
  mislabelled("application/json; charset=utf-16"),
  mislabelled("application/json; charset=UTF-16LE"),
  mislabelled('application/json; charset="iso-8859-1"'),
  mislabelled("application/json;charset=windows-1252"),
  mislabelled("application/json; charset=shift_jis"),
  mislabelled(null),
  mislabelled(""),
  mislabelled("text/plain"),
  mislabelled("text/json"),
  mislabelled("text/html"),
  mislabelled("application/javascript"),
  mislabelled("application/xml"),
  mislabelled("application/json-seq"),
  mislabelled("application/jsonl"),
  mislabelled("application/ld+json"),
  mislabelled("application/vnd.api+json"),
  mislabelled("application/problem+json"),
  mislabelled("application/octet-stream"),
  mislabelled("*/*"),
  mislabelled("application/*"),
  mislabelled("application"),
  mislabelled("json"),
  mislabelled("application /json"),
  mislabelled("application/json, text/plain"),
  mislabelled("multipart/mixed; boundary=abc"),
  mislabelled("multipart/related; boundary=abc"),
  mislabelled("message/http"),
  jsonCase(
    "a form-urlencoded body (the upstream API's own encoding)",
    unsupported,
    () => {
      const body = acceptableBody();
      return new URLSearchParams({
        MerchantBizId: String(body.merchantBizId),
        MerchantUserId: String(body.merchantUserId),
        FacePictureBase64: (body.image as { base64: string }).base64,
      }).toString();
    },
    { contentType: "application/x-www-form-urlencoded" },
  ),
  {
    name: "a bare JPEG body labelled image/jpeg",
    expected: unsupported,
    build: async () => ({
      request: {
        via: "fetch",
        headers: { ...bearer(await freshCallerToken()), "content-type": "image/jpeg" },
        body: sampleImages().portraitJpeg,
      },
    }),
  },
  {
    name: "two Content-Type headers (text/plain, then application/json)",
    expected: unsupported,
    build: async () => {
      const body = JSON.stringify(acceptableBody());
      const head = [
        "POST /v1/face-liveness HTTP/1.1",
        "Host: 127.0.0.1",
        `Authorization: Bearer ${await freshCallerToken()}`,
        "Content-Type: text/plain",
        "Content-Type: application/json",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "Connection: close",
        "",
        "",
      ].join("\r\n");
      return { request: { via: "socket", chunks: [Buffer.from(head), Buffer.from(body)] } };
    },
  },
  jsonCase(
    "application/json; charset=utf-16 with a UTF-16 body",
    unsupported,
    () => new Uint8Array(Buffer.from(`\ufeff${JSON.stringify(acceptableBody())}`, "utf16le")),
    { contentType: "application/json; charset=utf-16" },
  ),
  jsonCase(
    "application/json; charset=iso-8859-1 with a Latin-1 byte in a string",
    unsupported,
    () => Buffer.concat([Buffer.from('{"merchantUserId":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]),
    { contentType: "application/json; charset=iso-8859-1" },
  ),
];
