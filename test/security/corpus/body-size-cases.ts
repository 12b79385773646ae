import { SUITE_USER_HASH } from "./bad-input-ids.js";
import type { BadRequestCase, OutgoingRequest } from "./bad-request-case.js";
import { freshCallerToken } from "./caller-credentials.js";
import { acceptableBody, jsonRequest } from "./json-request.js";
import { BOUNDARY, multipartBody, multipartRequest } from "./multipart-request.js";

/** MAX_BODY_BYTES of the committed config. */
const LIMIT = 1_500_000;
const tooLarge = { status: 413, code: "payload_too_large" } as const;

/** A JSON body of `size` bytes: an acceptable body whose user id is padded out (still bad if it got through). */
function oversizedJson(size: number): Uint8Array {
  const start = Buffer.from(`{"merchantUserId":"${SUITE_USER_HASH}`);
  const end = Buffer.from('","image":{"url":"https://images.example.com/face.jpg"}}');
  return new Uint8Array(Buffer.concat([start, Buffer.alloc(size - start.length - end.length, "0"), end]));
}

/** The head of a raw request; `framing` is a Content-Length or chunked. */
async function head(framing: string, contentType = "application/json", withAuth = true): Promise<Buffer> {
  const lines = [
    "POST /v1/face-liveness HTTP/1.1",
    "Host: 127.0.0.1",
    ...(withAuth ? [`Authorization: Bearer ${await freshCallerToken()}`] : []),
    `Content-Type: ${contentType}`,
    framing,
    "",
    "",
  ];
  return Buffer.from(lines.join("\r\n"));
}

/** `bytes` in HTTP/1.1 chunked framing, 64 KiB a chunk, with the last chunk unless `end` is false. */
function chunked(bytes: Uint8Array, end = true): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.byteLength; offset += 65_536) {
    const part = bytes.subarray(offset, offset + 65_536);
    chunks.push(
      Buffer.concat([Buffer.from(`${part.byteLength.toString(16)}\r\n`), part, Buffer.from("\r\n")]),
    );
  }
  if (end) chunks.push(Buffer.from("0\r\n\r\n"));
  return chunks;
}

const socket = (chunks: Uint8Array[]): OutgoingRequest => ({ via: "socket", chunks });

/**
 * Bodies over MAX_BODY_BYTES, with Content-Length (refused unread) and without it (chunked: refused while
 * streaming, even when the client never finishes). Streams go over a raw socket: fetch gives up on the
 * whole exchange when the server answers and closes before the upload ends, so it cannot read the 413.
 */
export const bodySizeCases: BadRequestCase[] = [
  {
    name: "a JSON body one byte over the limit, with Content-Length",
    expected: tooLarge,
    build: async () => ({ request: await jsonRequest(oversizedJson(LIMIT + 1)) }),
  },
  {
    name: "a 4 MB JSON body with Content-Length",
    expected: tooLarge,
    build: async () => ({ request: await jsonRequest(oversizedJson(4_000_000)) }),
  },
  {
    name: "a 1.6 MB multipart body with Content-Length",
    expected: tooLarge,
    build: async () => ({
      request: await multipartRequest(
        multipartBody([
          { name: "merchantUserId", value: SUITE_USER_HASH },
          {
            name: "image",
            filename: "face.jpg",
            contentType: "image/jpeg",
            value: new Uint8Array(1_600_000),
          },
        ]),
      ),
    }),
  },
  {
    name: "raw: Content-Length over the limit and the whole body sent",
    expected: tooLarge,
    build: async () => {
      const body = oversizedJson(1_600_000);
      return { request: socket([await head(`Content-Length: ${body.byteLength}`), body]) };
    },
  },
  {
    name: "raw: Content-Length over the limit, written with leading zeros",
    expected: tooLarge,
    build: async () => {
      const body = oversizedJson(1_600_000);
      return { request: socket([await head(`Content-Length: 000${body.byteLength}`), body]) };
    },
  },
  {
    name: "raw: a body over the limit without credentials (refused before it is read)",
    expected: { status: 401, code: "missing_credentials" },
    build: async () => {
      const body = oversizedJson(1_600_000);
      return {
        request: socket([await head(`Content-Length: ${body.byteLength}`, "application/json", false), body]),
      };
    },
  },
  {
    name: "raw: a chunked 2 MB body",
    expected: tooLarge,
    build: async () => ({
      request: socket([await head("Transfer-Encoding: chunked"), ...chunked(oversizedJson(2_000_000))]),
    }),
  },
  {
    name: "raw: a chunked body that passes the limit and is never finished",
    expected: tooLarge,
    build: async () => ({
      request: socket([
        await head("Transfer-Encoding: chunked"),
        ...chunked(oversizedJson(1_600_000), false),
      ]),
    }),
  },
  {
    name: "raw: a chunked multipart body over the limit",
    expected: tooLarge,
    build: async () => ({
      request: socket([
        await head("Transfer-Encoding: chunked", `multipart/form-data; boundary=${BOUNDARY}`),
        ...chunked(
          multipartBody([
            { name: "merchantUserId", value: SUITE_USER_HASH },
            {
              name: "image",
              filename: "face.jpg",
              contentType: "image/jpeg",
              value: new Uint8Array(1_600_000),
            },
          ]),
        ),
      ]),
    }),
  },
  {
    name: "an acceptable body followed by 1.5 MB of spaces",
    expected: tooLarge,
    build: async () => ({
      request: await jsonRequest(`${JSON.stringify(acceptableBody())}${" ".repeat(LIMIT)}`),
    }),
  },
];
