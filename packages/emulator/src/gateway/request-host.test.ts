import { describe, expect, it } from "vitest";
import { requestHost } from "./request-host.js";

describe("requestHost", () => {
  it("prefers the Host header and falls back to the URL", () => {
    expect(
      requestHost(
        new Request("http://127.0.0.1:8790/", {
          headers: { host: "cloudauth-intl.cn-hongkong.aliyuncs.com" },
        }),
      ),
    ).toBe("cloudauth-intl.cn-hongkong.aliyuncs.com");
    expect(requestHost(new Request("http://127.0.0.1:8790/x"))).toBe("127.0.0.1:8790");
  });
});
