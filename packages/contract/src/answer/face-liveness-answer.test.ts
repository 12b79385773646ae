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

/** The fields a client reads when present and of their documented type. */
const OPTIONAL_PATHS = [
  ["merchantBizId"],
  ["receipt"],
  ["upstream"],
  ["upstream", "requestId"],
  ["upstream", "region"],
  ["face", "occlusion"],
  ["face", "age"],
  ["face", "gender"],
  ["face", "attributes"],
];

function at(value: Json, path: string[]): unknown {
  return path.reduce<unknown>((found, key) => (found as Json | undefined)?.[key], value);
}

function remove(value: Json, path: string[]): void {
  const holder = at(value, path.slice(0, -1)) as Json | undefined;
  if (typeof holder === "object" && holder !== null) delete holder[path.at(-1) ?? ""];
}

/** core's verdict on a 200 answer: the result it reads, or undefined when it refuses it. */
function readByCore(body: unknown): unknown {
  try {
    return parseProxyAnswer({ status: 200, body: JSON.stringify(body) });
  } catch {
    return undefined;
  }
}

/** The schema's verdict on the same answer, after the same trip through JSON text. */
function readBySchema(body: unknown): unknown {
  const result = v.safeParse(FaceLivenessResultSchema, JSON.parse(JSON.stringify(body)));
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

  test("core's parseProxyAnswer reads exactly the answers the schema reads, to the same result but odd optional fields", () => {
    fc.assert(
      fc.property(fc.oneof(documentedAnswer, mutatedAnswer), (answer) => {
        const byCore = readByCore(answer) as Json | undefined;
        const bySchema = readBySchema(answer) as Json | undefined;
        expect(byCore === undefined).toBe(bySchema === undefined);
        if (byCore === undefined || bySchema === undefined) return;
        // The schema leaves out an optional field of another type; core passes it through as it came.
        const expected = structuredClone(byCore);
        for (const path of OPTIONAL_PATHS) {
          if (at(bySchema, path) === undefined) remove(expected, path);
        }
        expect(bySchema).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  test("the mutations include refusals and odd optional fields, so both sides of the rule are compared", () => {
    const samples = fc.sample(mutatedAnswer, { numRuns: 500, seed: 1 });
    const refused = samples.filter((answer) => readBySchema(answer) === undefined);
    expect(refused.length).toBeGreaterThan(50);
    expect(refused.length).toBeLessThan(samples.length);
    const odd = samples.filter((answer) => {
      const read = readBySchema(answer) as Json | undefined;
      return (
        read !== undefined &&
        OPTIONAL_PATHS.some((path) => at(read, path) === undefined && at(answer, path) !== undefined)
      );
    });
    expect(odd.length).toBeGreaterThan(10);
  });
});
