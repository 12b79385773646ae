import { describe, expect, test } from "vitest";
import { readOpenApi, typeName } from "./openapi-model.js";

const document = {
  openapi: "3.1.0",
  info: { title: "proxy", version: "1.2.3", description: "Does things." },
  security: [{ bearer: [] }],
  paths: {
    "/v1/thing": {
      post: {
        summary: "Make a thing.",
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
        responses: {
          "200": {
            description: "Made.",
            headers: { "x-request-id": {} },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
          "422": {
            description: "Bad image.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        },
      },
    },
    "/healthz": { get: { summary: "Up?", security: [], responses: { "200": { description: "ok" } } } },
  },
  components: {
    schemas: {
      Thing: {
        type: "object",
        required: ["id"],
        properties: {
          id: { type: "string", description: "The id." },
          kind: { enum: ["a", "b"] },
          image: { oneOf: [{ $ref: "#/components/schemas/Base64" }, { $ref: "#/components/schemas/Url" }] },
          tags: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
};

describe("readOpenApi", () => {
  test("endpoints with bodies, responses (schemas by name) and whether they need the caller key", () => {
    const reference = readOpenApi(document);
    expect(reference).toMatchObject({ title: "proxy", version: "1.2.3", description: "Does things." });
    expect(reference.endpoints.map((e) => [e.method, e.path, e.authenticated])).toEqual([
      ["POST", "/v1/thing", true],
      ["GET", "/healthz", false],
    ]);
    const post = reference.endpoints[0]!;
    expect(post.requestBodies).toEqual([{ contentType: "application/json", schema: "Thing" }]);
    expect(post.responses).toEqual([
      { status: "200", description: "Made.", schema: "Thing", headers: ["x-request-id"] },
      { status: "422", description: "Bad image.", schema: "Error", headers: [] },
    ]);
  });

  test("schemas with their properties, required flags, types and allowed values", () => {
    const [thing] = readOpenApi(document).schemas;
    expect(thing?.properties).toEqual([
      { name: "id", type: "string", required: true, description: "The id.", values: [] },
      { name: "kind", type: "any", required: false, description: "", values: ["a", "b"] },
      { name: "image", type: "Base64 | Url", required: false, description: "", values: [] },
      { name: "tags", type: "string[]", required: false, description: "", values: [] },
    ]);
  });

  test("garbage gives an empty reference, never an exception", () => {
    for (const input of [null, "x", 3, { paths: "no" }, { paths: { "/a": { get: null } } }]) {
      expect(readOpenApi(input).endpoints).toEqual([]);
    }
    expect(typeName({ type: ["string", "null"] })).toBe("string | null");
  });
});
