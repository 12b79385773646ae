import { base64ToBytes, bytesToBase64, checkImage, verifyImageData } from "@liveness-kit/core/image";
import { buildFaceLivenessRequest } from "@liveness-kit/core/request";
import { signRequest } from "@liveness-kit/core/sign";
import { MERCHANT_USER_ID, portraitOfSize } from "./proxy-latency.mjs";

const CREDENTIALS = { accessKeyId: "BenchAccessKeyId", accessKeySecret: "BenchAccessKeySecret" };
const URL_OF_REGION = "https://cloudauth-intl.ap-southeast-1.aliyuncs.com/";

/**
 * The work the proxy does for one call with a JPEG of about `imageBytes`, step by step, with the core
 * functions it calls, in this process's V8 (the engine of workerd): parse the JSON body and decode the
 * base64, the header check, the data check, re-encode and build the form body, sign. Medians of `runs`
 * after a warm-up, in ms. The proxy's Hono routing, Durable Object calls and fetch come on top; Workers
 * bill CPU time, so this is what decides the plan a deployment needs (Workers Free allows 10 ms a request).
 * @param {{ imageBytes: number; runs: number }} options
 */
export async function measureProxyCpu({ imageBytes, runs }) {
  const image = await portraitOfSize(imageBytes);
  const body = JSON.stringify({
    merchantUserId: MERCHANT_USER_ID,
    image: { base64: Buffer.from(image).toString("base64") },
  });
  const steps = { decode: [], headerCheck: [], dataCheck: [], build: [], sign: [], total: [] };
  const once = async (record) => {
    const started = performance.now();
    const parsed = JSON.parse(body);
    const bytes = base64ToBytes(parsed.image.base64);
    const decoded = performance.now();
    if (!checkImage(bytes, { mode: "base64" }).ok) throw new Error("the bench image fails checkImage");
    const headerChecked = performance.now();
    if (!(await verifyImageData(bytes)).ok) throw new Error("the bench image fails verifyImageData");
    const dataChecked = performance.now();
    const request = buildFaceLivenessRequest({
      merchantBizId: "Bench0123456789abcdefABCDEF01234",
      merchantUserId: parsed.merchantUserId,
      facePictureBase64: bytesToBase64(bytes),
    });
    const built = performance.now();
    const query = new URLSearchParams(request.query).toString();
    await signRequest(
      {
        method: "POST",
        url: `${URL_OF_REGION}?${query}`,
        headers: { "content-type": request.contentType },
        body: request.bodyBytes,
      },
      CREDENTIALS,
      { action: request.action, version: request.version },
    );
    const signed = performance.now();
    if (!record) return;
    steps.decode.push(decoded - started);
    steps.headerCheck.push(headerChecked - decoded);
    steps.dataCheck.push(dataChecked - headerChecked);
    steps.build.push(built - dataChecked);
    steps.sign.push(signed - built);
    steps.total.push(signed - started);
  };
  for (let index = 0; index < 20; index++) await once(false);
  for (let index = 0; index < runs; index++) await once(true);
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  return {
    imageBytes: image.length,
    runs,
    ms: Object.fromEntries(Object.entries(steps).map(([name, values]) => [name, median(values)])),
  };
}
