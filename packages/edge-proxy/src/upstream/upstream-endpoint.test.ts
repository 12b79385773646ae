import { describe, expect, it } from "vitest";
import { TEST_RECEIPT_SIGNING_KEY } from "../../test/test-constants.js";
import { loadProxyConfig } from "../config/proxy-config.js";
import {
  authorizeUploadOrigin,
  faceLivenessOrigin,
  facePictureFileUrl,
  ossPostUrl,
} from "./upstream-endpoint.js";

const base = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: "id",
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret",
  CALLER_KEYS: JSON.stringify([{ id: "a", sha256: "b".repeat(64) }]),
  RECEIPT_SIGNING_KEY: JSON.stringify(TEST_RECEIPT_SIGNING_KEY),
};
const alibaba = loadProxyConfig({ ...base });
const emulated = loadProxyConfig({ ...base, UPSTREAM_ENDPOINT: "http://127.0.0.1:8790" });
const upload = { bucket: "bucket-1", endpoint: "oss-ap-southeast-1.aliyuncs.com", objectKey: "a/b/c" };

describe("upstream endpoints", () => {
  it("uses Alibaba's regional hosts, OpenPlatform and OSS when no stand-in is configured", () => {
    expect(faceLivenessOrigin(alibaba, "ap-southeast-5")).toBe(
      "https://cloudauth-intl.ap-southeast-5.aliyuncs.com",
    );
    expect(authorizeUploadOrigin(alibaba, "cn-hongkong")).toBe("https://openplatform.aliyuncs.com");
    expect(ossPostUrl(alibaba, "ap-southeast-1", "bucket-1", upload.endpoint)).toBe(
      "https://bucket-1.oss-ap-southeast-1.aliyuncs.com/",
    );
    expect(facePictureFileUrl(alibaba, "ap-southeast-1", upload)).toBe(
      "http://bucket-1.oss-ap-southeast-1.aliyuncs.com/a/b/c",
    );
  });

  it("sends everything to the stand-in, with a valid FacePictureFile URL for a loopback endpoint", () => {
    expect(faceLivenessOrigin(emulated, "ap-southeast-3")).toBe("http://127.0.0.1:8790");
    expect(authorizeUploadOrigin(emulated, "ap-southeast-3")).toBe("http://127.0.0.1:8790");
    expect(ossPostUrl(emulated, "ap-southeast-3", "bucket-1", "127.0.0.1:8790")).toBe(
      "http://127.0.0.1:8790/__oss/bucket-1/",
    );
    const file = facePictureFileUrl(emulated, "ap-southeast-3", { ...upload, endpoint: "127.0.0.1:8790" });
    expect(file).toBe("http://bucket-1.localhost:8790/a/b/c");
    expect(new URL(file).hostname).toBe("bucket-1.localhost");
  });
});
