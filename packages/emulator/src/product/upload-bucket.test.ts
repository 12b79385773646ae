import { describe, expect, it } from "vitest";
import { bucketOfHost, parseObjectUrl, uploadBucket } from "./upload-bucket.js";

describe("upload buckets", () => {
  it("names one bucket per region", () => {
    expect(uploadBucket("ap-southeast-5")).toBe("cloudauth-intl-emulator-ap-southeast-5");
  });

  it("finds the bucket at the start of a Host", () => {
    expect(bucketOfHost("cloudauth-intl-emulator-ap-southeast-1.127.0.0.1:8790")).toBe(
      "cloudauth-intl-emulator-ap-southeast-1",
    );
    expect(bucketOfHost("127.0.0.1:8790")).toBeUndefined();
    expect(bucketOfHost("cloudauth-intl-emulator-x_y.host")).toBeUndefined();
    expect(bucketOfHost("cloudauth-intl-emulator-eu-west-1.host")).toBeUndefined();
    expect(bucketOfHost(undefined)).toBeUndefined();
  });

  it("reads the FacePictureFile URL the SDK builds, with an IP endpoint too", () => {
    expect(
      parseObjectUrl("http://cloudauth-intl-emulator-cn-hongkong.127.0.0.1:8790/uploads/a%20b.jpg"),
    ).toEqual({
      bucket: "cloudauth-intl-emulator-cn-hongkong",
      key: "uploads/a b.jpg",
    });
    expect(parseObjectUrl("http://other.127.0.0.1:8790/key")).toBeUndefined();
    expect(parseObjectUrl("ftp://cloudauth-intl-emulator-cn-hongkong.host/key")).toBeUndefined();
    expect(parseObjectUrl("http://cloudauth-intl-emulator-cn-hongkong.host/")).toBeUndefined();
    expect(parseObjectUrl("http://cloudauth-intl-emulator-cn-hongkong.host/%E0")).toBeUndefined();
  });
});
