import { createProxyLivenessClient } from "@liveness-kit/core/client";
import { bytesToBase64 } from "@liveness-kit/core/image";
import fc from "fast-check";
import * as v from "valibot";
import { expect, test } from "vitest";
import { FaceLivenessJsonSchema } from "./face-liveness-request.js";

const DECIDED = {
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
};

/** Inputs core's proxy client takes: a hashed user id, one picture source, the optional fields or not. */
const input = fc.record(
  {
    merchantBizId: fc.string({ unit: fc.constantFrom(..."AZaz09"), minLength: 1, maxLength: 32 }),
    merchantUserId: fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }),
    picture: fc.oneof(
      fc
        .uint8Array({ minLength: 1, maxLength: 64 })
        .map((bytes) => ({ facePictureBase64: bytesToBase64(bytes) })),
      fc.webPath().map((path) => ({ facePictureUrl: `https://images.example.com${path}` })),
    ),
    faceQualityCheck: fc.boolean(),
  },
  { requiredKeys: ["merchantUserId", "picture"] },
);

test("core's proxy client sends only bodies the contract's request schema accepts", async () => {
  await fc.assert(
    fc.asyncProperty(input, async ({ picture, ...fields }) => {
      const sent: unknown[] = [];
      const client = createProxyLivenessClient({
        baseUrl: "https://proxy.test",
        token: "t",
        retries: 0,
        fetch: async (_url, init) => {
          sent.push(JSON.parse(String(init.body)));
          return new Response(JSON.stringify(DECIDED), { status: 200 });
        },
      });
      await client.faceLiveness({ ...fields, ...picture });
      expect(sent).toHaveLength(1);
      expect(v.safeParse(FaceLivenessJsonSchema, sent[0]).issues).toBeUndefined();
    }),
    { numRuns: 200 },
  );
});
