import { parseProxyAnswer } from "@liveness-kit/core/client";
import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, test } from "vitest";
import { FaceLivenessAnswerSchema, FaceLivenessResultSchema } from "./face-liveness-answer.js";

const score = fc.double({ min: 0, max: 100, noNaN: true });
const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });
const base64url = fc.string({ unit: fc.constantFrom(..."ABCxyz019-_"), minLength: 1, maxLength: 12 });

/** Answers as the proxy documents them, with and without the optional face fields. */
const documentedAnswer = fc.record({
  requestId: fc.uuid(),
  receipt: fc.tuple(base64url, base64url, base64url).map((parts) => parts.join(".")),
  merchantBizId: fc.string({ unit: fc.constantFrom(..."AZaz09"), minLength: 1, maxLength: 32 }),
  transactionId: hex(32),
  passed: fc.boolean(),
  subCode: fc.constantFrom("200", "205"),
  face: fc.record(
    {
      qualityScore: score,
      occlusionScore: score,
      keyAreaOcclusionScore: score,
      illuminationScore: score,
      sharpnessScore: score,
      attack: fc.boolean(),
      occlusion: fc.boolean(),
      age: fc.integer({ min: 0, max: 120 }),
      gender: fc.constantFrom("M", "F"),
      attributes: fc.string(),
    },
    {
      requiredKeys: [
        "qualityScore",
        "occlusionScore",
        "keyAreaOcclusionScore",
        "illuminationScore",
        "sharpnessScore",
        "attack",
      ],
    },
  ),
  upstream: fc.record({ requestId: fc.uuid(), region: fc.constantFrom("ap-southeast-1", "cn-hongkong") }),
});

type Json = Record<string, unknown>;

/** Values of every JSON type, to put where a field was. */
const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 4 }),
  fc.constant([]),
  fc.constant({}),
);

/** One field (top level, in `face` or in `upstream`) removed or replaced by a value of any type. */
const mutatedAnswer = fc
  .tuple(
    documentedAnswer,
    fc.constantFrom<[string] | [string, string]>(
      ["requestId"],
      ["receipt"],
      ["merchantBizId"],
      ["transactionId"],
      ["passed"],
      ["subCode"],
      ["face"],
      ["upstream"],
      ["extra"],
      ["face", "qualityScore"],
      ["face", "sharpnessScore"],
      ["face", "attack"],
      ["face", "occlusion"],
      ["face", "age"],
      ["face", "gender"],
      ["face", "attributes"],
      ["upstream", "requestId"],
      ["upstream", "region"],
    ),
    fc.option(anyJson, { nil: undefined }),
  )
  .map(([answer, path, value]) => {
    const copy = structuredClone(answer) as Json;
    const [first, second] = path;
    const holder = (second === undefined ? copy : copy[first]) as Json;
    const key = second ?? first;
    if (value === undefined) delete holder[key];
    else holder[key] = value;
    return copy;
  });

/** core's verdict on a 200 answer: the result it reads, or undefined when it refuses it. */
function readByCore(body: unknown): unknown {
  try {
    return parseProxyAnswer({ status: 200, body: JSON.stringify(body) });
  } catch {
    return undefined;
  }
}

function readBySchema(body: unknown): unknown {
  const result = v.safeParse(FaceLivenessResultSchema, body);
  return result.success ? result.output : undefined;
}

describe("FaceLivenessResultSchema", () => {
  test("reads every answer the proxy documents", () => {
    fc.assert(
      fc.property(documentedAnswer, (answer) => {
        expect(v.is(FaceLivenessAnswerSchema, answer)).toBe(true);
        expect(readBySchema(answer)).toEqual(answer);
      }),
    );
  });

  test("core's parseProxyAnswer reads exactly what the schema reads, to the same result", () => {
    fc.assert(
      fc.property(fc.oneof(documentedAnswer, mutatedAnswer), (answer) => {
        expect(readByCore(answer)).toEqual(readBySchema(answer));
      }),
      { numRuns: 2_000 },
    );
  });

  test("the mutations include refusals, so the comparison is not only of answers both accept", () => {
    const samples = fc.sample(mutatedAnswer, { numRuns: 500, seed: 1 });
    const refused = samples.filter((answer) => readBySchema(answer) === undefined);
    expect(refused.length).toBeGreaterThan(50);
    expect(refused.length).toBeLessThan(samples.length);
  });
});
