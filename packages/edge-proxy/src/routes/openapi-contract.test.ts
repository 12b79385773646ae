import {
  ErrorAnswerSchema,
  FaceLivenessAnswerSchema,
  FaceLivenessFormSchema,
  FaceLivenessJsonSchema,
  MerchantBizIdSchema,
  MerchantUserIdSchema,
  PROXY_ERROR_CODES,
  ProxyErrorCodeSchema,
  ReceiptSchema,
} from "@liveness-kit/contract";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { callProxy, freshMerchantBizId, hashedUserId, jsonRequest } from "../../test/call-proxy.js";
import { portraitBase64 } from "../../test/portraits.js";
import { CONTRACT_SCHEMAS, contractJsonSchemas } from "./openapi-document.js";

interface Operation {
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

async function servedDocument(): Promise<OpenApi> {
  return (await (await callProxy(new Request("https://proxy.test/v1/openapi.json"))).json()) as OpenApi;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("the served OpenAPI document and the contract", () => {
  it("converts the contract's own schemas, nothing else", () => {
    const contract = {
      MerchantBizId: MerchantBizIdSchema,
      MerchantUserId: MerchantUserIdSchema,
      FaceLivenessJson: FaceLivenessJsonSchema,
      FaceLivenessForm: FaceLivenessFormSchema,
      FaceLivenessAnswer: FaceLivenessAnswerSchema,
      Receipt: ReceiptSchema,
      ProxyErrorCode: ProxyErrorCodeSchema,
      Error: ErrorAnswerSchema,
    };
    expect(Object.keys(CONTRACT_SCHEMAS)).toEqual(Object.keys(contract));
    for (const [name, schema] of Object.entries(contract)) {
      expect(CONTRACT_SCHEMAS[name as keyof typeof contract], name).toBe(schema);
    }
  });

  it("serves exactly the JSON Schemas converted from the contract", async () => {
    const served = await servedDocument();
    const converted = contractJsonSchemas();
    for (const [name, schema] of Object.entries(converted)) {
      expect(served.components.schemas[name], name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
    // The rest (the key set) is the one schema the contract does not own.
    expect(Object.keys(served.components.schemas).sort()).toEqual([...Object.keys(converted), "Jwks"].sort());
  });

  it("names every code of the table, each status among the documented responses", async () => {
    const served = await servedDocument();
    expect((served.components.schemas.ProxyErrorCode as { enum: string[] }).enum).toEqual(
      Object.keys(PROXY_ERROR_CODES),
    );
    const documented = new Set(
      Object.values(served.paths).flatMap((operations) =>
        Object.values(operations).flatMap((operation) => Object.keys(operation.responses)),
      ),
    );
    const undocumented = Object.entries(PROXY_ERROR_CODES)
      .filter(([, info]) => !documented.has(String(info.status)))
      .map(([code]) => code);
    expect(undocumented).toEqual([]);
  });

  it("names in its prose only codes of the table", async () => {
    const text = JSON.stringify(await servedDocument());
    const named = new Set([...text.matchAll(/`([a-z]+(?:_[a-z0-9]+)+)`/g)].map(([, code]) => code ?? ""));
    expect(named.size).toBeGreaterThan(5);
    expect([...named].filter((code) => !Object.hasOwn(PROXY_ERROR_CODES, code))).toEqual([]);
  });

  it("points the routes' bodies and answers at the contract's schemas", async () => {
    const post = (await servedDocument()).paths["/v1/face-liveness"]?.post;
    expect(post?.requestBody?.content["application/json"]?.schema).toEqual(ref("FaceLivenessJson"));
    expect(post?.requestBody?.content["multipart/form-data"]?.schema).toEqual(ref("FaceLivenessForm"));
    expect(post?.responses["200"]?.content?.["application/json"]?.schema).toEqual(ref("FaceLivenessAnswer"));
    for (const [status, response] of Object.entries(post?.responses ?? {})) {
      if (status !== "200")
        expect(response.content?.["application/json"]?.schema, status).toEqual(ref("Error"));
    }
  });

  it("answers what the contract's answer schemas describe", async () => {
    const decided = await callProxy(
      jsonRequest({
        merchantBizId: freshMerchantBizId("contract"),
        merchantUserId: await hashedUserId(),
        image: { base64: portraitBase64("portrait") },
      }),
    );
    expect(decided.status).toBe(200);
    const answer = await decided.json();
    expect(v.safeParse(FaceLivenessAnswerSchema, answer).issues).toBeUndefined();
    const refusals = [
      await callProxy(jsonRequest({ merchantUserId: "alice" })),
      await callProxy(jsonRequest({}, { authorization: "" })),
      await callProxy(new Request("https://proxy.test/v1/nothing")),
    ];
    for (const refusal of refusals) {
      const body = (await refusal.json()) as { code: string };
      expect(v.safeParse(ErrorAnswerSchema, body).issues, body.code).toBeUndefined();
      expect(PROXY_ERROR_CODES[body.code as keyof typeof PROXY_ERROR_CODES]?.status, body.code).toBe(
        refusal.status,
      );
    }
  });
});
