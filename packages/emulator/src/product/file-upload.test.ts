import { describe, expect, it } from "vitest";
import { portraitJpeg } from "../portraits/synthetic-portrait.js";
import { callAcs, faceQuery, signedRequestV2 } from "../test-support/acs-client.js";
import { answered, sendRaw } from "../test-support/raw-http.js";
import { useTestEmulator } from "../test-support/test-emulator.js";

let clock = Date.now();
const emulator = await useTestEmulator({ now: () => clock, uploadTtlMs: 60_000 });

interface Grant {
  RequestId: string;
  AccessKeyId: string;
  Bucket: string;
  EncodedPolicy: string;
  Endpoint: string;
  ObjectKey: string;
  Signature: string;
  UseAccelerate: boolean;
}

async function authorize(
  query: Record<string, string> = { Product: "Cloudauth-intl", RegionId: "ap-southeast-1" },
) {
  return answered(
    await callAcs(emulator.url, {
      action: "AuthorizeFileUpload",
      version: "2019-12-19",
      query,
      date: new Date(clock),
    }),
  );
}

async function grant(): Promise<Grant> {
  const response = await authorize();
  expect(response.status).toBe(200);
  return response.json() as Grant;
}

/** The multipart form the official SDK posts to OSS (file last, as OSS requires). */
function uploadForm(g: Grant, file: Uint8Array, overrides: Record<string, string> = {}): FormData {
  const form = new FormData();
  const fields = {
    OSSAccessKeyId: g.AccessKeyId,
    policy: g.EncodedPolicy,
    Signature: g.Signature,
    key: g.ObjectKey,
    success_action_status: "201",
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob([file as BlobPart], { type: "image/jpeg" }), "face.jpg");
  return form;
}

async function upload(g: Grant, form: FormData) {
  const response = await fetch(`${emulator.url}/__oss/${g.Bucket}/`, { method: "POST", body: form });
  return { status: response.status, text: await response.text() };
}

function faceFileCall(g: Grant, merchantBizId: string) {
  const file = `http://${g.Bucket}.${g.Endpoint}/${g.ObjectKey}`;
  return callAcs(emulator.url, {
    query: faceQuery(merchantBizId, { FacePictureFile: file }),
    date: new Date(clock),
  });
}

describe("file-stream mode", () => {
  it("AuthorizeFileUpload answers what the official SDK reads, with the emulator as Endpoint", async () => {
    const g = await grant();
    expect(Object.keys(g).sort()).toEqual([
      "AccessKeyId",
      "Bucket",
      "EncodedPolicy",
      "Endpoint",
      "ObjectKey",
      "RequestId",
      "Signature",
      "UseAccelerate",
    ]);
    expect(g.Endpoint).toBe(`127.0.0.1:${emulator.port}`);
    expect(g.Bucket).toBe("cloudauth-intl-emulator-ap-southeast-1");
    expect(g.UseAccelerate).toBe(false);
    const policy = JSON.parse(Buffer.from(g.EncodedPolicy, "base64").toString("utf8"));
    expect(policy.conditions).toContainEqual(["content-length-range", 0, 1_048_576]);
    expect(policy.conditions).toContainEqual(["eq", "$key", g.ObjectKey]);
  });

  it("works end to end: authorize, PostObject, then FaceLivenessV2 with FacePictureFile", async () => {
    const g = await grant();
    const posted = await upload(g, uploadForm(g, portraitJpeg({ width: 480, height: 640 })));
    expect(posted.status).toBe(201);
    expect(posted.text).toContain(`<Key>${g.ObjectKey}</Key>`);
    expect(posted.text).toContain(`<Bucket>${g.Bucket}</Bucket>`);
    expect(posted.text).toContain(`<Location>http://${g.Bucket}.${g.Endpoint}/${g.ObjectKey}</Location>`);
    const answer = answered(await faceFileCall(g, "file0001"));
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ Code: "Success", Result: { Passed: "Y", SubCode: "200" } });
    expect(emulator.emulator.state.ledger.entries({ merchantBizId: "file0001" })).toHaveLength(1);
  });

  it("accepts the PostObject at http://{Bucket}.{Endpoint}/ (Host routing) and a V2-signed GET authorize", async () => {
    const request = await signedRequestV2(emulator.url, {
      action: "AuthorizeFileUpload",
      version: "2019-12-19",
      method: "GET",
      query: { Product: "Cloudauth-intl", RegionId: "cn-hongkong" },
      date: new Date(clock),
    });
    const authorized = answered(await sendRaw(request));
    expect(authorized.status).toBe(200);
    const g = authorized.json() as Grant;
    expect(g.Bucket).toBe("cloudauth-intl-emulator-cn-hongkong");
    const multipart = new Request("http://x/", {
      method: "POST",
      body: uploadForm(g, portraitJpeg({ width: 480, height: 640 })),
    });
    const posted = answered(
      await sendRaw({
        url: `${emulator.url}/`,
        headers: {
          host: `${g.Bucket}.${g.Endpoint}`,
          "content-type": multipart.headers.get("content-type") ?? "",
        },
        body: new Uint8Array(await multipart.arrayBuffer()),
      }),
    );
    expect(posted.status).toBe(201);
    expect(answered(await faceFileCall(g, "file0002")).status).toBe(200);
  });

  it("answers 204 when no success_action_status is asked for, as OSS does", async () => {
    const g = await grant();
    const form = uploadForm(g, portraitJpeg({ width: 480, height: 640 }));
    form.delete("success_action_status");
    expect((await upload(g, form)).status).toBe(204);
  });

  it("refuses a tampered policy, another key, another bucket and a file over 1 MiB", async () => {
    const g = await grant();
    const file = portraitJpeg({ width: 480, height: 640 });
    const tampered = await upload(
      g,
      uploadForm(g, file, {
        policy: Buffer.from('{"expiration":"2099-01-01T00:00:00Z","conditions":[]}').toString("base64"),
      }),
    );
    expect(tampered.status).toBe(403);
    expect(tampered.text).toContain("<Code>SignatureDoesNotMatch</Code>");
    const otherKey = await upload(g, uploadForm(g, file, { key: "cloudauth-intl/other" }));
    expect(otherKey.status).toBe(403);
    expect(otherKey.text).toContain("<Code>AccessDenied</Code>");
    const otherBucket = await fetch(`${emulator.url}/__oss/cloudauth-intl-emulator-cn-hongkong/`, {
      method: "POST",
      body: uploadForm(g, file),
    });
    expect(otherBucket.status).toBe(403);
    const big = await upload(g, uploadForm(g, new Uint8Array(1_048_577)));
    expect(big.status).toBe(400);
    expect(big.text).toContain("<Code>EntityTooLarge</Code>");
    const wrongAccessKey = await upload(g, uploadForm(g, file, { OSSAccessKeyId: "LTAI5tSomeoneElse" }));
    expect(wrongAccessKey.text).toContain("<Code>InvalidAccessKeyId</Code>");
  });

  it("refuses what is not a multipart upload, a form without fields and an unknown bucket", async () => {
    const g = await grant();
    const notMultipart = await fetch(`${emulator.url}/__oss/${g.Bucket}/`, {
      method: "POST",
      body: "file=1",
    });
    expect(notMultipart.status).toBe(400);
    expect(await notMultipart.text()).toContain("MalformedPOSTRequest");
    const empty = new FormData();
    empty.append("key", g.ObjectKey);
    expect((await upload(g, empty)).status).toBe(403);
    const unknown = await fetch(`${emulator.url}/__oss/some-bucket/`, {
      method: "POST",
      body: uploadForm(g, new Uint8Array(4)),
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("NoSuchBucket");
  });

  it("refuses an expired policy, and forgets uploads after their time to live", async () => {
    const g = await grant();
    const file = portraitJpeg({ width: 480, height: 640 });
    expect((await upload(g, uploadForm(g, file))).status).toBe(201);
    clock += 60_000;
    const late = await upload(g, uploadForm(g, file));
    expect(late.status).toBe(403);
    expect(late.text).toContain("Policy expired");
    const gone = answered(await faceFileCall(g, "file0003"));
    expect(gone.status).toBe(400);
    expect(gone.json()).toMatchObject({ Code: "InvalidParameter" });
  });

  it("answers InvalidParameter for a FacePictureFile that names no upload", async () => {
    const g = await grant();
    const answer = answered(await faceFileCall(g, "file0004"));
    expect(answer.json()).toMatchObject({ Code: "InvalidParameter" });
    expect(emulator.emulator.state.ledger.summary().billed).toBe(0);
  });

  it("AuthorizeFileUpload refuses a missing or foreign Product and an unknown RegionId", async () => {
    expect((await authorize({ RegionId: "ap-southeast-1" })).json()).toMatchObject({
      Code: "MissingParameter",
    });
    expect((await authorize({ Product: "Dysmsapi" })).json()).toMatchObject({ Code: "InvalidParameter" });
    expect((await authorize({ Product: "Cloudauth-intl", RegionId: "mars-1" })).json()).toMatchObject({
      Code: "InvalidParameter",
    });
  });
});
