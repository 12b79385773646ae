// Benchmark of the signer on a FaceLivenessV2 request with a 600 KB image. Run after `pnpm build`:
//   node bench/sign.bench.mjs
// It prints ms/op (median of many runs after a warm-up) and the ratio to the floor: one crypto.subtle SHA-256
// of the same form body, measured in the same run. The goal is at most 2x the floor both for signRequest on a
// prepared form body and for building plus signing from the base64 image; only the first is enforced (the
// run exits non-zero when it is over), the second is printed next to its goal. The official signer
// (@alicloud/openapi-core, a devDependency) is timed on the same request for comparison.
import { createRequire } from "node:module";
import { stringify } from "node:querystring";
import { percentEncode, signRequest } from "../dist/sign/index.js";

const IMAGE_BYTES = 600 * 1024;
const HOST = "cloudauth-intl.ap-southeast-1.aliyuncs.com";
const ACTION = "FaceLivenessV2";
const VERSION = "2022-08-09";
const CREDENTIALS = { accessKeyId: "BenchAccessKeyId", accessKeySecret: "BenchAccessKeySecret" };
const QUERY = {
  ProductCode: "FACE_LIVENESS_MIN_PRO",
  MerchantBizId: "Bench0123456789abcdefABCDEF01234",
  MerchantUserId: "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
  FaceQualityCheck: "Y",
};
const WARM_UP = 30;
const ROUNDS = 8;
const RUNS_PER_ROUND = 40;
const MAX_RATIO = 2;

// A random, image-like payload: a JPEG start-of-image marker, then noise (compressed data looks random).
function makeImage(size) {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

const urlOf = (query) =>
  `https://${HOST}/?${Object.entries(query)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join("&")}`;

const image = makeImage(IMAGE_BYTES);
const base64 = Buffer.from(image).toString("base64");
const formBody = `FacePictureBase64=${percentEncode(base64)}`;
const formBodyBytes = new TextEncoder().encode(formBody);
const url = urlOf(QUERY);
const formHeaders = { "content-type": "application/x-www-form-urlencoded" };

const cases = [];

cases.push({
  name: "floor: crypto.subtle SHA-256 of the form body",
  floor: true,
  run: () => crypto.subtle.digest("SHA-256", formBodyBytes),
});
cases.push({
  name: "signRequest, prepared form body (string)",
  gate: true,
  run: () =>
    signRequest({ method: "POST", url, headers: formHeaders, body: formBody }, CREDENTIALS, {
      action: ACTION,
      version: VERSION,
    }),
});
cases.push({
  name: "signRequest, prepared form body (bytes)",
  run: () =>
    signRequest({ method: "POST", url, headers: formHeaders, body: formBodyBytes }, CREDENTIALS, {
      action: ACTION,
      version: VERSION,
    }),
});

const request = await import("../dist/request/index.js").catch(() => undefined);
if (typeof request?.buildFaceLivenessRequest === "function") {
  const input = {
    merchantBizId: QUERY.MerchantBizId,
    merchantUserId: QUERY.MerchantUserId,
    facePictureBase64: base64,
    faceQualityCheck: true,
  };
  // The built body must be the very bytes Node's querystring (which the official SDK uses) writes.
  const built = request.buildFaceLivenessRequest(input);
  const expected = Buffer.from(stringify({ FacePictureBase64: base64 }));
  if (!expected.equals(built.bodyBytes ?? Buffer.from(built.body))) {
    console.error("buildFaceLivenessRequest's body differs from querystring.stringify's.");
    process.exit(1);
  }
  cases.push({
    name: "buildFaceLivenessRequest alone, from base64",
    run: () => request.buildFaceLivenessRequest(input),
  });
  cases.push({
    name: "buildFaceLivenessRequest + signRequest, from base64",
    goal: true,
    run: () => {
      const built = request.buildFaceLivenessRequest(input);
      return signRequest(
        {
          method: "POST",
          url: urlOf(built.query),
          headers: built.contentType ? { "content-type": built.contentType } : {},
          // bodyBytes since 0.2; older builds have the text body only.
          body: built.bodyBytes ?? built.body,
        },
        CREDENTIALS,
        { action: built.action, version: built.version },
      );
    },
  });
} else {
  console.log(
    "note: ../dist/request/index.js has no buildFaceLivenessRequest yet; build + sign is skipped.\n",
  );
}

// The official signer, as its client signs an RPC call with a form body: the body hashed from a Buffer, the
// x-acs-* headers set, then `getAuthorization` (the ACS3 signature function of @alicloud/openapi-core).
const official = loadOfficialSigner();
if (official) {
  const signOfficially = (body) => {
    const hashed = official.hash(Buffer.from(body, "utf8"), "ACS3-HMAC-SHA256").toString("hex");
    const headers = {
      host: HOST,
      "x-acs-version": VERSION,
      "x-acs-action": ACTION,
      "x-acs-date": official.getTimestamp(),
      "x-acs-signature-nonce": official.getNonce(),
      "content-type": "application/x-www-form-urlencoded",
      "x-acs-content-sha256": hashed,
    };
    const signed = { method: "POST", pathname: "/", query: QUERY, headers };
    headers.Authorization = official.getAuthorization(
      signed,
      "ACS3-HMAC-SHA256",
      hashed,
      CREDENTIALS.accessKeyId,
      CREDENTIALS.accessKeySecret,
    );
    return headers;
  };
  if (official.toForm({ FacePictureBase64: base64 }) !== formBody) {
    console.error("The official SDK's toForm and querystring disagree on the form body.");
    process.exit(1);
  }
  cases.push({ name: "official signer, prepared form body", run: () => signOfficially(formBody) });
  cases.push({
    name: "official signer + its toForm, from base64",
    run: () => signOfficially(official.toForm({ FacePictureBase64: base64 })),
  });
} else {
  console.log("note: @alicloud/openapi-core is not installed; the official signer is skipped.\n");
}

function loadOfficialSigner() {
  try {
    const module = createRequire(import.meta.url)("@alicloud/openapi-core/dist/utils.js");
    return module.default ?? module;
  } catch {
    return undefined;
  }
}

// Check the two signers agree before timing them: same date and nonce, same Authorization.
if (official) {
  const date = new Date("2025-01-02T03:04:05Z");
  const nonce = "0123456789abcdef0123456789abcdef";
  const ours = await signRequest({ method: "POST", url, headers: formHeaders, body: formBody }, CREDENTIALS, {
    action: ACTION,
    version: VERSION,
    date,
    nonce,
  });
  const { authorization, ...headers } = ours;
  const theirs = official.getAuthorization(
    { method: "POST", pathname: "/", query: QUERY, headers },
    "ACS3-HMAC-SHA256",
    ours["x-acs-content-sha256"],
    CREDENTIALS.accessKeyId,
    CREDENTIALS.accessKeySecret,
  );
  if (theirs !== authorization) {
    console.error("signRequest and the official signer disagree on the same request:", {
      ours: authorization,
      theirs,
    });
    process.exit(1);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

for (const benchCase of cases) {
  for (let index = 0; index < WARM_UP; index++) await benchCase.run();
  benchCase.samples = [];
}
// Rounds interleave the cases, so a slow spell of the machine does not land on one case only.
for (let round = 0; round < ROUNDS; round++) {
  for (const benchCase of cases) {
    for (let index = 0; index < RUNS_PER_ROUND; index++) {
      const start = performance.now();
      await benchCase.run();
      benchCase.samples.push(performance.now() - start);
    }
  }
}

const floor = median(cases.find((benchCase) => benchCase.floor).samples);
console.log(
  `Signing FaceLivenessV2 with a ${IMAGE_BYTES / 1024} KB image (form body ${(formBodyBytes.length / 1024).toFixed(0)} KB), ` +
    `Node ${process.versions.node}, median of ${ROUNDS * RUNS_PER_ROUND} runs\n`,
);
const nameWidth = Math.max(...cases.map((benchCase) => benchCase.name.length));
console.log(`${"case".padEnd(nameWidth)}  ${"ms/op".padStart(8)}  ${"x floor".padStart(8)}  goal`);
let failed = false;
for (const benchCase of cases) {
  const ms = median(benchCase.samples);
  const ratio = ms / floor;
  const over = (benchCase.gate || benchCase.goal) && ratio > MAX_RATIO;
  if (benchCase.gate) failed ||= over;
  const goal =
    benchCase.gate || benchCase.goal
      ? `<= ${MAX_RATIO}x${benchCase.gate ? " (enforced)" : ""}${over ? ": OVER" : ": met"}`
      : "";
  console.log(
    `${benchCase.name.padEnd(nameWidth)}  ${ms.toFixed(3).padStart(8)}  ${ratio.toFixed(2).padStart(7)}x  ${goal}`,
  );
}
if (failed) {
  console.error(`\nsignRequest on the prepared form body takes more than ${MAX_RATIO}x one SHA-256 of it.`);
  process.exit(1);
}
