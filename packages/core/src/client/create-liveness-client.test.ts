import { expect, test, vi } from "vitest";
import { ValidationError } from "../errors/index.js";
import type { FetchFunction } from "./client-options.js";
import { createLivenessClient } from "./create-liveness-client.js";

const answer = () =>
  new Response(
    JSON.stringify({
      requestId: "r",
      transactionId: "t",
      passed: true,
      subCode: "200",
      face: {
        qualityScore: 1,
        occlusionScore: 1,
        keyAreaOcclusionScore: 1,
        illuminationScore: 1,
        sharpnessScore: 1,
        attack: false,
      },
    }),
  );
const input = { merchantUserId: "u", facePictureUrl: "https://e.com/a.jpg" };

test("direct mode signs and calls the region's host", async () => {
  const fetchFn = vi.fn<FetchFunction>(async () => new Response("{}", { status: 500 }));
  const client = createLivenessClient({
    mode: "direct",
    credentials: { accessKeyId: "id", accessKeySecret: "s" },
    region: "cn-hongkong",
    retries: 0,
    fetch: fetchFn,
  });
  await expect(client.faceLiveness(input)).rejects.toMatchObject({ httpStatus: 500 });
  const [url, init] = fetchFn.mock.calls[0]!;
  expect(new URL(url).host).toBe("cloudauth-intl.cn-hongkong.aliyuncs.com");
  expect((init.headers as Record<string, string>).authorization).toMatch(/^ACS3-HMAC-SHA256 /);
});

test("proxy mode calls the proxy with the token", async () => {
  const fetchFn = vi.fn<FetchFunction>(async () => answer());
  const client = createLivenessClient({
    mode: "proxy",
    baseUrl: "https://p.example.com",
    token: "tok",
    fetch: fetchFn,
  });
  await expect(client.faceLiveness(input)).resolves.toMatchObject({ passed: true });
  expect(fetchFn.mock.calls[0]![0]).toBe("https://p.example.com/v1/face-liveness");
  expect((fetchFn.mock.calls[0]![1].headers as Record<string, string>).authorization).toBe("Bearer tok");
});

test("an unknown mode is a ValidationError", () => {
  expect(() => createLivenessClient({ mode: "magic" } as never)).toThrow(ValidationError);
  expect(() => createLivenessClient(undefined as never)).toThrow(ValidationError);
});
