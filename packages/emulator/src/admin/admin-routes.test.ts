import { API_ERRORS } from "@liveness-kit/core";
import { seededRandom } from "@liveness-kit/core/bytes";
import { describe, expect, it } from "vitest";
import { portraitJpeg } from "../portraits/synthetic-portrait.js";
import { startEmulatorServer } from "../server.js";
import { callAcs, callWithImage, faceQuery, signedRequest } from "../test-support/acs-client.js";
import { admin } from "../test-support/admin-client.js";
import { answered, sendRaw } from "../test-support/raw-http.js";
import { useTestEmulator } from "../test-support/test-emulator.js";

const emulator = await useTestEmulator();
const url = emulator.url;
const photo = () => portraitJpeg({ width: 480, height: 640 });
const scenario = (rule: Record<string, unknown>) => admin(url, "PUT", "/scenarios", rule);

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("condition never met");
}

describe("admin API", () => {
  it("GET /health reports the configuration without secrets", async () => {
    const { status, json } = await admin(url, "GET", "/health");
    expect(status).toBe(200);
    expect(json).toMatchObject({
      status: "ok",
      region: "ap-southeast-1",
      accessKeyIds: ["LTAI5tEmulatorDevKey00001"],
    });
    expect(JSON.stringify(json)).not.toContain("emulator-dev-secret");
  });

  it("GET /health counts the pictures measured and those answered from the cache", async () => {
    const before = (await admin(url, "GET", "/health")).json.pictures as { measured: number; reused: number };
    const picture = portraitJpeg({ width: 520, height: 700 });
    await callWithImage(url, "pic1", picture);
    await callWithImage(url, "pic2", picture);
    const after = (await admin(url, "GET", "/health")).json.pictures;
    expect(after).toEqual({ measured: before.measured + 1, reused: before.reused + 1, queued: 0 });
  });

  it("GET /ledger lists billed calls with counts, filtered by MerchantBizId; POST /reset clears it", async () => {
    await callWithImage(url, "led1", photo());
    await callWithImage(url, "led1", photo());
    await callWithImage(url, "led2", photo());
    await callAcs(url, { query: faceQuery("led3") });
    const all = await admin(url, "GET", "/ledger");
    expect(all.json.summary).toEqual({ billed: 3, passed: 3, risk: 0 });
    const one = await admin(url, "GET", "/ledger?merchantBizId=led1");
    expect(one.json.summary).toEqual({ billed: 2, passed: 2, risk: 0 });
    expect((one.json.entries as { merchantBizId: string }[]).map((e) => e.merchantBizId)).toEqual([
      "led1",
      "led1",
    ]);
    const calls = await admin(url, "GET", "/calls");
    expect(calls.json.counts).toEqual({ Success: 3, MissingParameter: 1 });
    expect((await admin(url, "POST", "/reset")).json).toEqual({ ok: true });
    expect((await admin(url, "GET", "/ledger")).json).toEqual({
      summary: { billed: 0, passed: 0, risk: 0 },
      entries: [],
    });
  });

  it("GET/PUT/DELETE /scenarios manage rules by MerchantBizId, MerchantUserId and the default", async () => {
    expect((await scenario({ merchantBizId: "s1", outcome: "attack" })).json).toEqual({
      match: { merchantBizId: "s1" },
      rule: { outcome: "attack", latencyMs: 0 },
    });
    await scenario({ merchantUserId: "u1", outcome: "503", times: 2 });
    await scenario({ outcome: "latency", latencyMs: 10 });
    expect((await admin(url, "GET", "/scenarios")).json).toEqual({
      default: { outcome: "latency", latencyMs: 10 },
      byMerchantBizId: { s1: { outcome: "attack", latencyMs: 0 } },
      byMerchantUserId: { u1: { outcome: "503", latencyMs: 0, times: 2 } },
    });
    expect((await admin(url, "DELETE", "/scenarios?merchantBizId=s1")).json).toEqual({ deleted: true });
    expect((await admin(url, "DELETE", "/scenarios?default")).json).toEqual({ deleted: true });
    await admin(url, "DELETE", "/scenarios");
    expect((await admin(url, "GET", "/scenarios")).json).toEqual({
      default: null,
      byMerchantBizId: {},
      byMerchantUserId: {},
    });
  });

  it("refuses bad admin input with { code, message, requestId }", async () => {
    const bad = await admin(url, "PUT", "/scenarios", "{not json");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json).sort()).toEqual(["code", "message", "requestId"]);
    expect((await scenario({ outcome: "explode" })).json.code).toBe("InvalidScenario");
    expect((await scenario({ merchantBizId: "a", merchantUserId: "b", outcome: "pass" })).status).toBe(400);
    expect((await admin(url, "PUT", "/faults", { fault: "503", probability: 2 })).json.code).toBe(
      "InvalidFaults",
    );
    expect((await admin(url, "PUT", "/throttling", { qps: -1 })).json.code).toBe("InvalidThrottling");
    expect((await admin(url, "GET", "/nothing")).status).toBe(404);
  });
});

describe("scenarios, chosen without touching the signed request", () => {
  it("attack: Passed N, SubCode 205, FaceAttack Y, billed", async () => {
    await scenario({ merchantBizId: "atk1", outcome: "attack" });
    const body = answered(await callWithImage(url, "atk1", photo())).json();
    expect(body).toMatchObject({
      Code: "Success",
      Result: { Passed: "N", SubCode: "205", ExtFaceInfo: { FaceAttack: "Y" } },
    });
    expect((await admin(url, "GET", "/ledger?merchantBizId=atk1")).json.summary).toEqual({
      billed: 1,
      passed: 0,
      risk: 1,
    });
  });

  it("pass with FaceAge and FaceGender set by the rule", async () => {
    await scenario({
      merchantUserId: faceQuery("x").MerchantUserId,
      outcome: "pass",
      faceAge: 34,
      faceGender: "F",
    });
    const body = answered(await callWithImage(url, "age1", photo())).json();
    expect(body).toMatchObject({ Result: { Passed: "Y", ExtFaceInfo: { FaceAge: 34, FaceGender: "F" } } });
  });

  it.each([
    ["NoFaceDetected", 401, "NoFaceDetected"],
    ["UnqualifiedPhoto", 401, "UnqualifiedPhoto"],
    ["500", 500, "InternalError"],
    ["503", 503, "ServiceUnavailable"],
  ])("%s answers %i %s, unbilled", async (outcome, status, code) => {
    await scenario({ merchantBizId: "err1", outcome });
    const response = answered(await callWithImage(url, "err1", photo()));
    expect(response.status).toBe(status);
    expect(response.json()).toMatchObject({ Code: code });
    expect(Object.keys(response.json() as object).sort()).toEqual(["Code", "Message", "RequestId"]);
    expect((await admin(url, "GET", "/ledger")).json.summary).toMatchObject({ billed: 0 });
  });

  it.each([
    "TransactionIdInvalid",
    "Forbidden.ExceptionRepeatedInvoke",
    "Forbidden.RAMUserAccessDenied",
    "Forbidden.AccountAccessDenied",
    "Throttling.User",
  ])("an error outcome makes %s reachable, with its status and body shape", async (code) => {
    const info = API_ERRORS[code];
    await scenario({ merchantBizId: "code1", outcome: code });
    const response = answered(await callWithImage(url, "code1", photo()));
    expect(response.status).toBe(info?.httpStatus);
    const body = response.json() as Record<string, string>;
    expect(body.Code).toBe(code);
    expect("HostId" in body).toBe(info?.source === "gateway");
    if (code.startsWith("Throttling")) expect(response.headers["x-acs-retry-after"]).toBe("1000");
  });

  it("throttling answers Throttling.Api 403 with x-acs-retry-after", async () => {
    await scenario({ merchantBizId: "thr1", outcome: "throttling", retryAfterMs: 250 });
    const response = answered(await callWithImage(url, "thr1", photo()));
    expect(response.status).toBe(403);
    expect(response.headers["x-acs-retry-after"]).toBe("250");
    expect(response.json()).toMatchObject({ Code: "Throttling.Api" });
  });

  it("a rule with times applies that often, then the normal answer comes back", async () => {
    await scenario({ merchantBizId: "times1", outcome: "503", times: 1 });
    expect(answered(await callWithImage(url, "times1", photo())).status).toBe(503);
    expect(answered(await callWithImage(url, "times1", photo())).status).toBe(200);
  });

  it("the default rule applies to every call without a keyed rule", async () => {
    await scenario({ outcome: "500" });
    await scenario({ merchantBizId: "keyed1", outcome: "pass" });
    expect(answered(await callWithImage(url, "other1", photo())).status).toBe(500);
    expect(answered(await callWithImage(url, "keyed1", photo())).status).toBe(200);
  });

  it("latency holds the answer, then answers normally", async () => {
    await scenario({ merchantBizId: "slow1", outcome: "latency", latencyMs: 400 });
    let settled = false;
    const pending = callWithImage(url, "slow1", photo()).then((response) => {
      settled = true;
      return response;
    });
    await waitFor(async () => (await admin(url, "GET", "/health")).json.waitingRequests === 1);
    expect(settled).toBe(false);
    expect(answered(await pending).status).toBe(200);
  });

  it("drop closes the connection without an answer", async () => {
    await scenario({ merchantBizId: "drop1", outcome: "drop" });
    const response = await callWithImage(url, "drop1", photo());
    expect(response.kind).toBe("closed");
    const calls = (await admin(url, "GET", "/calls?merchantBizId=drop1")).json.calls as {
      code: string;
      httpStatus: number;
    }[];
    expect(calls).toEqual([expect.objectContaining({ code: "ConnectionDropped", httpStatus: 0 })]);
    expect(answered(await sendRaw({ url: `${url}/healthz`, method: "GET" })).status).toBe(200);
  });

  it("hang never answers; the emulator lets go when the client gives up", async () => {
    await scenario({ merchantBizId: "hang1", outcome: "hang" });
    const client = new AbortController();
    let settled = false;
    const pending = callAcsAbortable("hang1", client.signal).then((response) => {
      settled = true;
      return response;
    });
    await waitFor(async () => (await admin(url, "GET", "/health")).json.waitingRequests === 1);
    expect(settled).toBe(false);
    client.abort();
    expect((await pending).kind).toBe("aborted");
    await waitFor(async () => (await admin(url, "GET", "/health")).json.waitingRequests === 0);
    const calls = (await admin(url, "GET", "/calls?merchantBizId=hang1")).json.calls as { code: string }[];
    expect(calls.map((call) => call.code)).toEqual(["NoAnswer"]);
  });

  it("hang is released when the server shuts down", async () => {
    const own = await startEmulatorServer({ port: 0, qps: false });
    await admin(own.url, "PUT", "/scenarios", { outcome: "hang" });
    const request = await signedRequest(own.url, {
      query: faceQuery("hang2"),
      form: { FacePictureBase64: "AAAA" },
    });
    const pending = sendRaw(request);
    await waitFor(async () => (await admin(own.url, "GET", "/health")).json.waitingRequests === 1);
    await own.close();
    expect((await pending).kind).toBe("closed");
  });
});

async function callAcsAbortable(merchantBizId: string, signal: AbortSignal) {
  const request = await signedRequest(url, {
    query: faceQuery(merchantBizId),
    form: { FacePictureBase64: "AAAA" },
  });
  return sendRaw({ ...request, signal });
}

describe("probabilistic faults", () => {
  it("PUT /faults with a seed fails exactly the calls the seeded draws pick", async () => {
    const put = await admin(url, "PUT", "/faults", { fault: "503", probability: 0.3, seed: 42 });
    expect(put.json).toEqual({ faults: [{ fault: "503", probability: 0.3 }], seed: 42 });
    const draws = seededRandom(42);
    const expected = Array.from({ length: 30 }, () => (draws() < 0.3 ? 503 : 400));
    const got: number[] = [];
    for (let i = 0; i < 30; i++) got.push(answered(await callAcs(url, { query: faceQuery(`f${i}`) })).status);
    expect(got).toEqual(expected);
    expect(got.filter((status) => status === 503).length).toBeGreaterThan(3);
    expect((await admin(url, "DELETE", "/faults")).json).toEqual({ faults: [] });
    expect(answered(await callAcs(url, { query: faceQuery("after") })).status).toBe(400);
  });

  it("a keyed scenario wins over a fault", async () => {
    await admin(url, "PUT", "/faults", { fault: "500", probability: 1 });
    await scenario({ merchantBizId: "win1", outcome: "pass" });
    expect(answered(await callWithImage(url, "win1", photo())).status).toBe(200);
    expect(answered(await callWithImage(url, "lose1", photo())).status).toBe(500);
  });
});

describe("throttling settings", () => {
  it("PUT /throttling sets a QPS limit and switches it off", async () => {
    expect((await admin(url, "PUT", "/throttling", { qps: 1 })).json).toEqual({ qps: 1 });
    expect(answered(await callAcs(url, { query: faceQuery("q1") })).status).toBe(400);
    expect(answered(await callAcs(url, { query: faceQuery("q1") })).status).toBe(403);
    await admin(url, "PUT", "/throttling", { qps: false });
    expect(answered(await callAcs(url, { query: faceQuery("q1") })).status).toBe(400);
    expect((await admin(url, "GET", "/throttling")).json).toEqual({ qps: false });
  });
});

describe("admin protection", async () => {
  const guarded = await useTestEmulator({ adminToken: "s3cret-token" });
  const closed = await useTestEmulator({ admin: false });

  it("requires the bearer token when one is set", async () => {
    expect((await admin(guarded.url, "GET", "/health")).status).toBe(401);
    expect((await admin(guarded.url, "GET", "/health", undefined, "wrong")).status).toBe(401);
    expect((await admin(guarded.url, "GET", "/health", undefined, "s3cret-token")).status).toBe(200);
  });

  it("refuses a cross-site simple request: a write that is not JSON, or a foreign Origin", async () => {
    await scenario({ merchantBizId: "guard1", outcome: "attack" });
    const reset = (headers: Record<string, string>, body = "{}") =>
      sendRaw({ url: `${url}/__emulator/reset`, method: "POST", headers, body });
    for (const contentType of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const refused = answered(await reset({ "content-type": contentType }));
      expect(refused.status).toBe(415);
      expect(refused.json()).toMatchObject({ code: "UnsupportedMediaType", requestId: expect.any(String) });
    }
    expect(answered(await reset({})).status).toBe(415);
    // A DELETE with a body is a write like any other; without one it needs a preflight, so it passes.
    const deleteScenario = (headers: Record<string, string>, body?: string) =>
      sendRaw({
        url: `${url}/__emulator/scenarios?merchantBizId=guard0`,
        method: "DELETE",
        headers,
        ...(body === undefined ? {} : { body }),
      });
    expect(answered(await deleteScenario({ "content-type": "text/plain" }, "x")).status).toBe(415);
    expect(answered(await deleteScenario({})).status).toBe(200);
    for (const origin of ["https://evil.example", "null", "http://localhost:5173"]) {
      const foreign = answered(await reset({ "content-type": "application/json", origin }));
      expect(foreign.status).toBe(403);
      expect(foreign.json()).toMatchObject({ code: "OriginNotAllowed" });
    }
    const reading = answered(
      await sendRaw({
        url: `${url}/__emulator/ledger`,
        method: "GET",
        headers: { origin: "https://evil.example" },
      }),
    );
    expect(reading.status).toBe(403);
    // Nothing was reset by the refused requests; a JSON write from its own origin (or none) goes through.
    expect((await admin(url, "GET", "/scenarios")).json).toMatchObject({
      byMerchantBizId: { guard1: expect.anything() },
    });
    expect(answered(await reset({ "content-type": "application/json", origin: url })).status).toBe(200);
    expect(answered(await reset({ "content-type": "application/json; charset=utf-8" })).status).toBe(200);
  });

  it("answers loopback host names only, unless more are configured (DNS rebinding)", async () => {
    const port = new URL(url).port;
    const health = (host: string, base = url) =>
      sendRaw({ url: `${base}/__emulator/health`, method: "GET", headers: { host } });
    for (const host of [
      "attacker.example",
      "rebind.127.0.0.1.nip.io",
      "192.168.1.10",
      "localhost.evil.example",
    ]) {
      const refused = answered(await health(`${host}:${port}`));
      expect(refused.status, host).toBe(403);
      expect(refused.json()).toMatchObject({ code: "HostNotAllowed" });
    }
    for (const host of ["127.0.0.1", "localhost", "app.localhost", "127.9.9.9", "[::1]"]) {
      expect(answered(await health(`${host}:${port}`)).status, host).toBe(200);
    }
    const named = await useTestEmulator({ adminHosts: ["emulator.lan"] });
    const namedPort = new URL(named.url).port;
    expect(answered(await health(`emulator.lan:${namedPort}`, named.url)).status).toBe(200);
    expect(answered(await health(`other.lan:${namedPort}`, named.url)).status).toBe(403);
    // The FaceLivenessV2 API itself answers any Host (Alibaba's names are mapped to loopback in tests).
    expect(
      answered(await sendRaw({ url: `${url}/healthz`, method: "GET", headers: { host: "attacker.example" } }))
        .status,
    ).toBe(200);
  });

  it("is absent with admin: false (the path is just another unknown API)", async () => {
    const response = await fetch(`${closed.url}/__emulator/health`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ Code: "InvalidApi.NotFound" });
  });
});
