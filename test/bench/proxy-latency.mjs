import { createDirectLivenessClient } from "@liveness-kit/core/client";
import { createMerchantBizId } from "@liveness-kit/core/request";
import { jpegWithComment } from "../load/jpeg-with-comment.mjs";
import { percentile } from "./percentile.mjs";

const CALLER_KEY = "dev-caller-key";
// The emulator's published development key pair, which the proxy's dev config signs with too.
const CREDENTIALS = {
  accessKeyId: "LTAI5tEmulatorDevKey00001",
  accessKeySecret: "emulator-dev-secret-do-not-use-in-production",
};
// SHA-256 of "password": what a caller sends instead of a raw user id.
export const MERCHANT_USER_ID = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
const IMAGE_BYTES = 600 * 1024;

/** The proxy vars the measurement needs: sequential calls must not meet the per-caller rate limit. */
export const PROXY_LATENCY_VARS = { CALLER_RATE_PER_SECOND: "1000", CALLER_BURST: "1000" };

/**
 * p50 and p99 of one FaceLivenessV2 call with a 600 KB JPEG through the proxy (`wrangler dev`), against
 * the same call sent straight to the emulator by core's direct client (build, sign, fetch, parse), in
 * one run: the two alternate, one call at a time, each with a fresh MerchantBizId, after a warm-up.
 * The emulator's QPS limit is turned off for the run, so that neither side waits for it. Every call sends
 * other bytes (a numbered JPEG comment, the same pixels), as real users do: the emulator keeps the scores of
 * pictures it has seen, and a picture answered from that cache would make the upstream unrealistically fast.
 * @param {{ emulator: string; proxy: string }} stack
 * @param {{ rounds: number; warmUp: number }} options
 */
export async function measureProxyLatency(stack, { rounds, warmUp }) {
  const image = await portraitOfSize(IMAGE_BYTES);
  let calls = 0;
  const freshPicture = () => jpegWithComment(image, `bench call ${++calls}`).toString("base64");
  const direct = createDirectLivenessClient({
    credentials: CREDENTIALS,
    endpoint: stack.emulator,
    retries: 0,
  });
  await fetch(`${stack.emulator}/__emulator/throttling`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ qps: false }),
  });

  const viaDirect = async (base64) => {
    await direct.faceLiveness({ merchantUserId: MERCHANT_USER_ID, facePictureBase64: base64 });
  };
  const viaProxy = async (base64) => {
    const response = await fetch(`${stack.proxy}/v1/face-liveness`, {
      method: "POST",
      headers: { authorization: `Bearer ${CALLER_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({
        merchantBizId: createMerchantBizId(),
        merchantUserId: MERCHANT_USER_ID,
        image: { base64 },
      }),
    });
    const answer = await response.json();
    if (response.status !== 200) throw new Error(`the proxy answered ${response.status} ${answer.code}`);
    return response.headers.get("server-timing") ?? "";
  };
  // The proxy's own work: its Server-Timing `total` less the time it waited for the emulator (`fetch`).
  const ownWork = [];
  const timed = async (send) => {
    const base64 = freshPicture();
    const started = performance.now();
    const serverTiming = await send(base64);
    const elapsed = performance.now() - started;
    if (serverTiming)
      ownWork.push(serverTimingMs(serverTiming, "total") - serverTimingMs(serverTiming, "fetch"));
    return elapsed;
  };

  for (let index = 0; index < warmUp; index++) {
    await viaDirect(freshPicture());
    await viaProxy(freshPicture());
  }
  const samples = { direct: [], proxy: [] };
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so that neither always follows the other.
    const order = round % 2 === 0 ? ["direct", "proxy"] : ["proxy", "direct"];
    for (const side of order) samples[side].push(await timed(side === "direct" ? viaDirect : viaProxy));
  }
  const summary = (values) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });
  return {
    imageBytes: image.length,
    rounds,
    direct: summary(samples.direct),
    proxy: summary(samples.proxy),
    proxyOwnWork: summary(ownWork),
  };
}

function serverTimingMs(header, name) {
  const match = new RegExp(`(?:^|,)\\s*${name};dur=([\\d.]+)`).exec(header);
  return match ? Number(match[1]) : Number.NaN;
}

/** A portrait JPEG (1080x1440, the largest the API takes) at the highest quality that stays within `bytes`. */
export async function portraitOfSize(bytes) {
  const { portraitJpeg } = await import("@liveness-kit/emulator/portraits");
  let low = 30;
  let high = 100;
  let best = portraitJpeg({ width: 1080, height: 1440, quality: low });
  while (low < high) {
    const quality = Math.ceil((low + high) / 2);
    const candidate = portraitJpeg({ width: 1080, height: 1440, quality });
    if (candidate.length <= bytes) {
      best = candidate;
      low = quality;
    } else {
      high = quality - 1;
    }
  }
  return best;
}
