// A bench Worker (never deployed): the proxy's per-call core work inside workerd. POST a body as the proxy gets
// it (JSON with image.base64, or multipart with a file named "image") to /?runs=N; the answer has the mean
// milliseconds of each step over N repetitions and of the whole call. workerd's clock moves only between events
// (a Spectre mitigation), so each timed loop is closed by a zero-delay timer, and a loop of N repetitions
// gives a resolution of 1/N ms. The checked bytes are encoded into the form body (`buildFaceLivenessRequestFromBytes`),
// as the proxy does; `reuse=1` sends the base64 text the caller gave instead (what the proxy did with canonical
// base64 before building from bytes turned out cheaper in workerd), for comparison. `parts=1` with the raw picture
// as the body times the form body's parts on their own (least of 6 rounds). The body is read with the proxy's own
// readers (its source, bundled by wrangler here and by esbuild for the same code in Node).
import { base64ToBytes, bytesToBase64, checkImage, verifyImageData } from "@liveness-kit/core/image";
import {
  buildFaceLivenessRequest,
  buildFaceLivenessRequestFromBytes,
  encodeBase64FormBody,
  encodeBytesFormBody,
} from "@liveness-kit/core/request";
import { signRequest } from "@liveness-kit/core/sign";
import { parseMultipartForm } from "../../../packages/edge-proxy/src/input/multipart-form.ts";
import { parseJsonLiftingBase64 } from "../../../packages/edge-proxy/src/input/parse-json-lifting-base64.ts";
import { timed } from "../isolate-timing.js";

const CREDENTIALS = { accessKeyId: "BenchAccessKeyId", accessKeySecret: "BenchAccessKeySecret" };
const URL_OF_REGION = "https://cloudauth-intl.ap-southeast-1.aliyuncs.com/";
const USER = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

/**
 * The form body's parts on their own, for the raw picture bytes: the least of `rounds` means of `runs` each (the
 * least is the figure with the least of the machine's other load in it), the candidates interleaved in rounds.
 */
async function formBodyParts(bytes, runs, rounds) {
  const text = bytesToBase64(bytes);
  const ids = { merchantBizId: "Bench0123456789abcdefABCDEF01234", merchantUserId: USER };
  const built = buildFaceLivenessRequestFromBytes(ids, bytes);
  const steps = {
    toBase64: () => bytesToBase64(bytes),
    checkedPass: () => encodeBase64FormBody(text),
    bodyFromBytes: () => encodeBytesFormBody(bytes),
    buildFromText: () => buildFaceLivenessRequest({ ...ids, facePictureBase64: text }),
    buildFromBytes: () => buildFaceLivenessRequestFromBytes(ids, bytes),
    // What the proxy does with a JSON picture: the caller's text, strictly decoded to these bytes, sent as it is.
    buildFromCheckedText: () => buildFaceLivenessRequestFromBytes(ids, bytes, { base64: text }),
    sign: () => signBuilt(built),
    sha256: () => crypto.subtle.digest("SHA-256", built.bodyBytes),
  };
  const least = Object.fromEntries(Object.keys(steps).map((name) => [name, Infinity]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, step] of Object.entries(steps))
      least[name] = Math.min(least[name], await timed(runs, step));
  }
  return least;
}

function signBuilt(built) {
  return signRequest(
    {
      method: "POST",
      url: `${URL_OF_REGION}?${new URLSearchParams(built.query).toString()}`,
      headers: { "content-type": built.contentType },
      body: built.bodyBytes,
    },
    CREDENTIALS,
    { action: built.action, version: built.version },
  );
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const runs = Number(url.searchParams.get("runs") ?? 50);
    if (url.searchParams.get("parts") === "1") {
      const bytes = new Uint8Array(await request.arrayBuffer());
      return Response.json({
        nativeBase64: typeof Uint8Array.fromBase64 === "function",
        ...(await formBodyParts(bytes, runs, 6)),
      });
    }
    const reuse = url.searchParams.get("reuse") === "1";
    const body = await request.arrayBuffer();
    const contentType = request.headers.get("content-type") ?? "";
    const json = contentType.startsWith("application/json");

    // The proxy's own readers: JSON with the picture's base64 lifted out and decoded where it lies, multipart
    // by its parser (the part a view into the body).
    const boundary = /boundary=([^;]+)/.exec(contentType)?.[1] ?? "";
    const read = async () => {
      if (json) {
        const parsed = parseJsonLiftingBase64(new TextDecoder("utf-8", { fatal: true }).decode(body));
        return parsed.lifted ?? { text: parsed.value.image.base64 };
      }
      return parseMultipartForm(new Uint8Array(body), boundary, 8).find((part) => part.name === "image").body;
    };
    // A lifted picture is decoded already, in the read.
    const decode = (input) => (json ? (input.bytes ?? base64ToBytes(input.text)) : input);
    const checks = async (bytes) => {
      if (!checkImage(bytes, { mode: "base64" }).ok) throw new Error("checkImage refused the bench image");
      if (!(await verifyImageData(bytes)).ok) throw new Error("verifyImageData refused the bench image");
    };
    const reused = reuse && json;
    const ids = { merchantBizId: "Bench0123456789abcdefABCDEF01234", merchantUserId: USER };
    // As the proxy builds: from the checked bytes, with the caller's text when it came as JSON base64.
    const build = (bytes, input) =>
      reused
        ? buildFaceLivenessRequest({ ...ids, facePictureBase64: input.text })
        : buildFaceLivenessRequestFromBytes(ids, bytes, json ? { base64: input.text } : {});
    const sign = signBuilt;
    const whole = async () => {
      const input = await read();
      const bytes = decode(input);
      await checks(bytes);
      await sign(build(bytes, input));
    };

    // Warm up, then each step on its own inputs, then the whole call.
    for (let run = 0; run < 10; run++) await whole();
    const input = await read();
    const bytes = decode(input);
    const built = build(bytes, input);
    const ms = {
      read: await timed(runs, read),
      decode: await timed(runs, () => decode(input)),
      checks: await timed(runs, () => checks(bytes)),
      build: await timed(runs, () => build(bytes, input)),
      sign: await timed(runs, () => sign(built)),
      total: await timed(runs, whole),
    };
    // Inside build: the form body alone (from the bytes: toBase64, native in workerd, then the form-encoding pass;
    // from the caller's text: the pass that also checks the alphabet), and toBase64 on its own; then one SHA-256
    // of the body (what signing costs at least).
    const inside = {
      body: await timed(runs, () => (reused ? encodeBase64FormBody(input.text) : encodeBytesFormBody(bytes))),
      toBase64: reused ? 0 : await timed(runs, () => bytesToBase64(bytes)),
    };
    const sha256 = await timed(runs, () => crypto.subtle.digest("SHA-256", built.bodyBytes));
    return Response.json({
      runs,
      imageBytes: bytes.byteLength,
      nativeBase64: typeof Uint8Array.fromBase64 === "function",
      ms,
      inside,
      sha256,
    });
  },
};
