import type { BadRequestCase, SocketRequest } from "./bad-request-case.js";
import { acceptableBody } from "./json-request.js";
import { BOUNDARY, multipartBody } from "./multipart-request.js";
import { chunkedFraming, rawHead } from "./raw-request.js";
import { sampleImages } from "./sample-images.js";
import { STACK_BODY_LIMITS, TIMING_SLACK_MS } from "./stack-body-limits.js";

const bodyTimeout = { status: 408, code: "body_timeout" } as const;

/** A stalled client gets its 408 once the idle timeout is over. */
const IDLE_ANSWER_MS = STACK_BODY_LIMITS.idleTimeoutMs + TIMING_SLACK_MS;

/** An acceptable JSON body, as bytes. */
function acceptableJson(): Buffer {
  return Buffer.from(JSON.stringify(acceptableBody()));
}

/** A request that sends `chunks` and then nothing more, its socket left open: a client that stalled. */
function stalled(chunks: Uint8Array[], answerWithinMs = IDLE_ANSWER_MS): SocketRequest {
  return { via: "socket", chunks, answerWithinMs };
}

/**
 * Bodies that never arrive in full while the connection stays open: a Content-Length larger than what
 * is sent, uploads that stop mid-body, a body that trickles in. The runtime would wait as long as the
 * client keeps the socket open; the proxy must answer 408 `body_timeout` (JSON, retryable) within its
 * idle timeout or its deadline (BODY_IDLE_TIMEOUT_MS, BODY_DEADLINE_MS of the stack), never hang.
 */
export const stalledBodyCases: BadRequestCase[] = [
  {
    name: "raw: Content-Length larger than the JSON body sent, then silence",
    expected: bodyTimeout,
    build: async () => {
      const body = acceptableJson();
      return {
        request: stalled([await rawHead(`Content-Length: ${body.byteLength + 1_000}`), body]),
      };
    },
  },
  {
    name: "raw: Content-Length declared, not one byte of body sent",
    expected: bodyTimeout,
    build: async () => ({ request: stalled([await rawHead("Content-Length: 1000")]) }),
  },
  {
    name: "raw: an upload that stops halfway through its Content-Length",
    expected: bodyTimeout,
    build: async () => {
      const body = acceptableJson();
      return {
        request: stalled([
          await rawHead(`Content-Length: ${body.byteLength}`),
          body.subarray(0, body.byteLength >> 1),
        ]),
      };
    },
  },
  {
    name: "raw: a multipart upload that stops in the middle of the image",
    expected: bodyTimeout,
    build: async () => {
      const body = multipartBody([
        { name: "merchantUserId", value: acceptableBody().merchantUserId as string },
        {
          name: "image",
          filename: "face.jpg",
          contentType: "image/jpeg",
          value: sampleImages().portraitJpeg,
        },
      ]);
      const head = await rawHead(
        `Content-Length: ${body.byteLength}`,
        `multipart/form-data; boundary=${BOUNDARY}`,
      );
      return { request: stalled([head, body.subarray(0, body.byteLength - 100)]) };
    },
  },
  {
    name: "raw: a chunked body that stops in the middle of a chunk",
    expected: bodyTimeout,
    build: async () => {
      const body = acceptableJson();
      // The chunk header announces the whole body; only half of it follows.
      const partial = Buffer.concat([
        Buffer.from(`${body.byteLength.toString(16)}\r\n`),
        body.subarray(0, body.byteLength >> 1),
      ]);
      return { request: stalled([await rawHead("Transfer-Encoding: chunked"), partial]) };
    },
  },
  {
    name: "raw: a chunked body whose last chunk never comes",
    expected: bodyTimeout,
    build: async () => ({
      request: stalled([
        await rawHead("Transfer-Encoding: chunked"),
        ...chunkedFraming(acceptableJson(), false, 4_096),
      ]),
    }),
  },
  {
    name: "raw: a body that trickles in past the deadline, each pause shorter than the idle timeout",
    expected: bodyTimeout,
    build: async () => {
      const { idleTimeoutMs, deadlineMs, drainMaxMs } = STACK_BODY_LIMITS;
      const pauseMs = Math.max(50, Math.floor(idleTimeoutMs / 4));
      // Enough 16-byte pieces to keep trickling past the deadline and the drain after it.
      const pieces = Math.ceil((deadlineMs + drainMaxMs) / pauseMs) + 4;
      const head = await rawHead(`Content-Length: ${pieces * 16}`);
      const chunks = [head, ...Array.from({ length: pieces }, () => Buffer.alloc(16, " "))];
      return {
        request: {
          via: "socket",
          chunks,
          pauseMs,
          // The deadline, then the drain of a client that is still sending.
          answerWithinMs: deadlineMs + drainMaxMs + TIMING_SLACK_MS,
        },
      };
    },
  },
  {
    name: "raw: Content-Length larger than the body sent, without credentials (answered before reading)",
    expected: { status: 401, code: "missing_credentials" },
    build: async () => {
      const body = acceptableJson();
      const head = await rawHead(`Content-Length: ${body.byteLength + 1_000}`, "application/json", false);
      return {
        request: stalled(
          [head, body],
          Math.min(STACK_BODY_LIMITS.idleTimeoutMs, STACK_BODY_LIMITS.drainMaxMs) + TIMING_SLACK_MS,
        ),
      };
    },
  },
];
