import { describe, expect, it } from "vitest";
import { resolveApi } from "./api-route.js";

describe("resolveApi", () => {
  it("routes by the V3 headers", () => {
    const headers = new Headers({ "x-acs-action": "FaceLivenessV2", "x-acs-version": "2022-08-09" });
    expect(resolveApi(headers, new URLSearchParams())).toEqual({
      action: "FaceLivenessV2",
      version: "2022-08-09",
    });
  });

  it("routes by the V2 parameters", () => {
    const params = new URLSearchParams({ Action: "AuthorizeFileUpload", Version: "2019-12-19" });
    expect(resolveApi(new Headers(), params)).toEqual({
      action: "AuthorizeFileUpload",
      version: "2019-12-19",
    });
  });

  it("finds nothing for an unknown action, a wrong version or no action", () => {
    const wrongVersion = new Headers({ "x-acs-action": "FaceLivenessV2", "x-acs-version": "2019-03-07" });
    expect(resolveApi(wrongVersion, new URLSearchParams())).toBeUndefined();
    const unknown = new Headers({ "x-acs-action": "DescribeRegions", "x-acs-version": "2022-08-09" });
    expect(resolveApi(unknown, new URLSearchParams())).toBeUndefined();
    expect(
      resolveApi(new Headers(), new URLSearchParams({ Action: "toString", Version: "" })),
    ).toBeUndefined();
    expect(resolveApi(new Headers(), new URLSearchParams())).toBeUndefined();
  });
});
