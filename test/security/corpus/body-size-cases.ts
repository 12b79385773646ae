import { SUITE_USER_HASH } from "./bad-input-ids.js";
import type { BadRequestCase, FetchRequest, OutgoingRequest, SocketRequest } from "./bad-request-case.js";
import { bearer, freshCallerToken } from "./caller-credentials.js";
import { acceptableBody, jsonRequest } from "./json-request.js";
import { BOUNDARY, multipartBody, multipartRequest } from "./multipart-request.js";
import { chunkedFraming, rawHead } from "./raw-request.js";
import { STACK_BODY_LIMITS, TIMING_SLACK_MS } from "./stack-body-limits.js";

/** MAX_BODY_BYTES of the stack under test. */
const LIMIT = STACK_BODY_LIMITS.maxBytes;
const tooLarge = { status: 413, code: "payload_too_large" } as const;

/** A JSON body of `size` bytes: an acceptable body whose user id is padded out (still bad if it got through). */
function oversizedJson(size: number): Uint8Array {
  const start = Buffer.from(`{"merchantUserId":"${SUITE_USER_HASH}`);
  const end = Buffer.from('","image":{"url":"https://images.example.com/face.jpg"}}');
  return new Uint8Array(Buffer.concat([start, Buffer.alloc(size - start.length - end.length, "0"), end]));
}

/** A multipart body with an all-zero "image" of `imageBytes`. */
function oversizedMultipart(imageBytes: number): Uint8Array {
  return multipartBody([
    { name: "merchantUserId", value: SUITE_USER_HASH },
    { name: "image", filename: "face.jpg", contentType: "image/jpeg", value: new Uint8Array(imageBytes) },
  ]);
}

const socket = (
  chunks: Uint8Array[],
  extra: Pick<SocketRequest, "answerWithinMs" | "pauseMs"> = {},
): OutgoingRequest => ({
  via: "socket",
  chunks,
  ...extra,
});

/** `bytes` as a ReadableStream of `chunkSize` pieces, pulled as fetch sends them. */
function streamOf(bytes: Uint8Array, chunkSize: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

/**
 * A streamed upload through Node's fetch (undici, `duplex: "half"`): no Content-Length, so the body goes
 * chunked and the proxy finds the size only while reading. fetch is still writing when the proxy has
 * decided, so only the drain before the answer (the proxy's lingering close) lets it read the answer
 * instead of a reset.
 */
async function streamedUpload(
  body: Uint8Array,
  options: {
    chunkSize?: number;
    contentType?: string;
    withAuth?: boolean;
    headers?: Record<string, string>;
  } = {},
): Promise<FetchRequest> {
  return {
    via: "fetch",
    headers: {
      "content-type": options.contentType ?? "application/json",
      ...(options.withAuth === false ? {} : bearer(await freshCallerToken())),
      ...options.headers,
    },
    body: streamOf(body, options.chunkSize ?? 65_536),
  };
}

/**
 * Bodies over MAX_BODY_BYTES: with Content-Length (refused unread), without it (chunked: refused while
 * streaming, even when the client never finishes), over a raw socket and streamed by fetch. Every refusal
 * must reach the client as the 413 JSON, never as a connection reset.
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
    build: async () => ({ request: await multipartRequest(oversizedMultipart(1_600_000)) }),
  },
  {
    name: "raw: Content-Length over the limit and the whole body sent",
    expected: tooLarge,
    build: async () => {
      const body = oversizedJson(1_600_000);
      return { request: socket([await rawHead(`Content-Length: ${body.byteLength}`), body]) };
    },
  },
  {
    name: "raw: Content-Length over the limit, written with leading zeros",
    expected: tooLarge,
    build: async () => {
      const body = oversizedJson(1_600_000);
      return { request: socket([await rawHead(`Content-Length: 000${body.byteLength}`), body]) };
    },
  },
  {
    name: "raw: Content-Length over the limit, part of the body sent, then silence",
    expected: tooLarge,
    // The drain before the 413 stops once the client pauses: it must not wait for the missing bytes.
    build: async () => {
      const body = oversizedJson(1_600_000);
      return {
        request: socket([await rawHead(`Content-Length: ${body.byteLength}`), body.subarray(0, 200_000)], {
          answerWithinMs:
            Math.min(STACK_BODY_LIMITS.idleTimeoutMs, STACK_BODY_LIMITS.drainMaxMs) + TIMING_SLACK_MS,
        }),
      };
    },
  },
  {
    name: "raw: a body over the limit without credentials (refused before it is read)",
    expected: { status: 401, code: "missing_credentials" },
    build: async () => {
      const body = oversizedJson(1_600_000);
      return {
        request: socket([
          await rawHead(`Content-Length: ${body.byteLength}`, "application/json", false),
          body,
        ]),
      };
    },
  },
  {
    name: "raw: a chunked 2 MB body",
    expected: tooLarge,
    build: async () => ({
      request: socket([
        await rawHead("Transfer-Encoding: chunked"),
        ...chunkedFraming(oversizedJson(2_000_000)),
      ]),
    }),
  },
  {
    name: "raw: a chunked body that passes the limit and is never finished",
    expected: tooLarge,
    build: async () => ({
      request: socket(
        [await rawHead("Transfer-Encoding: chunked"), ...chunkedFraming(oversizedJson(1_600_000), false)],
        {
          answerWithinMs:
            Math.min(STACK_BODY_LIMITS.idleTimeoutMs, STACK_BODY_LIMITS.drainMaxMs) + TIMING_SLACK_MS,
        },
      ),
    }),
  },
  {
    name: "raw: a chunked multipart body over the limit",
    expected: tooLarge,
    build: async () => ({
      request: socket([
        await rawHead("Transfer-Encoding: chunked", `multipart/form-data; boundary=${BOUNDARY}`),
        ...chunkedFraming(oversizedMultipart(1_600_000)),
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
  {
    name: "fetch, streamed: a JSON body one byte over the limit",
    expected: tooLarge,
    build: async () => ({ request: await streamedUpload(oversizedJson(LIMIT + 1)) }),
  },
  {
    name: "fetch, streamed: a 2 MB JSON body in 64 KiB chunks",
    expected: tooLarge,
    build: async () => ({ request: await streamedUpload(oversizedJson(2_000_000)) }),
  },
  {
    name: "fetch, streamed: a 4 MB JSON body in 16 KiB chunks",
    expected: tooLarge,
    build: async () => ({ request: await streamedUpload(oversizedJson(4_000_000), { chunkSize: 16_384 }) }),
  },
  {
    name: "fetch, streamed: a 3 MB JSON body in one chunk",
    expected: tooLarge,
    build: async () => ({
      request: await streamedUpload(oversizedJson(3_000_000), { chunkSize: 3_000_000 }),
    }),
  },
  {
    name: "fetch, streamed: a 2 MB multipart body (a camera photo sent as it is)",
    expected: tooLarge,
    build: async () => ({
      request: await streamedUpload(oversizedMultipart(2_000_000), {
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      }),
    }),
  },
  {
    name: "fetch, streamed: a 1.6 MB body with its true Content-Length (refused unread, then drained)",
    expected: tooLarge,
    build: async () => {
      const body = oversizedJson(1_600_000);
      return {
        request: await streamedUpload(body, { headers: { "content-length": String(body.byteLength) } }),
      };
    },
  },
  {
    name: "fetch, streamed: a 2 MB body without credentials (refused before it is read)",
    expected: { status: 401, code: "missing_credentials" },
    build: async () => ({ request: await streamedUpload(oversizedJson(2_000_000), { withAuth: false }) }),
  },
];
