import { FaceLivenessJsonSchema } from "@liveness-kit/contract";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { callProxy } from "../../test/call-proxy.js";

interface OpenApi {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content: Record<string, { example?: unknown }> }; responses: Record<string, unknown> }
    >
  >;
  components: { schemas: Record<string, { required?: string[] }> };
}

describe("GET /v1/openapi.json", () => {
  it("serves an OpenAPI 3.1 description of every route", async () => {
    const response = await callProxy(new Request("https://proxy.test/v1/openapi.json"));
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenApi;
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/.well-known/jwks.json",
      "/healthz",
      "/v1/face-liveness",
      "/v1/face-liveness/{merchantBizId}",
      "/v1/openapi.json",
    ]);
    expect(Object.keys(document.paths["/v1/face-liveness/{merchantBizId}"]?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "403", "404"]),
    );
    expect(document.components.schemas.FaceLivenessAnswer?.required).toContain("receipt");
    const post = document.paths["/v1/face-liveness"]?.post;
    expect(Object.keys(post?.requestBody?.content ?? {})).toEqual([
      "application/json",
      "multipart/form-data",
    ]);
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining([
        "200",
        "400",
        "401",
        "403",
        "408",
        "409",
        "413",
        "415",
        "422",
        "429",
        "502",
        "503",
        "504",
      ]),
    );
    expect(document.components.schemas.Error?.required).toEqual([
      "code",
      "message",
      "requestId",
      "retryable",
    ]);
  });

  it("names the origin it is served from as its server", async () => {
    for (const origin of ["https://liveness.example.org", "http://127.0.0.1:41234"]) {
      const response = await callProxy(new Request(`${origin}/v1/openapi.json`));
      const document = (await response.json()) as { servers: { url: string }[] };
      expect(document.servers.map((server) => server.url)).toEqual([origin]);
    }
  });

  it("documents an example that the proxy's own schema accepts", async () => {
    const document = (await (
      await callProxy(new Request("https://proxy.test/v1/openapi.json"))
    ).json()) as OpenApi;
    const example =
      document.paths["/v1/face-liveness"]?.post?.requestBody?.content["application/json"]?.example;
    expect(v.safeParse(FaceLivenessJsonSchema, example).success).toBe(true);
  });
});
