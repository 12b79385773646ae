import fc from "fast-check";

/** A FaceLivenessV2 success answer as Alibaba documents it (spec: Response). */
export function validAnswer(): Record<string, unknown> {
  return {
    RequestId: "8FC3D6AC-9FED-4311-8DA7-C4BF47D9F260",
    Code: "Success",
    Message: "success",
    Result: {
      TransactionId: "08573be80f944d95ac812e019e3655a8",
      Passed: "Y",
      SubCode: "200",
      ExtFaceInfo: {
        FaceQualityScore: 88.6,
        OcclusionScore: 99.9,
        KaOcclusionScore: 100,
        IlluminationScore: 97.4,
        SharpnessScore: 60.8,
        FaceAttack: "N",
        OcclusionResult: "N",
        FaceAge: 30,
        FaceGender: "M",
      },
    },
  };
}

/** A gateway error answer (HTTP 400) as Alibaba's RPC gateway writes it. */
export function gatewayErrorAnswer(): Record<string, unknown> {
  return {
    RequestId: "1B2A2C7E-6B1C-4B0E-9E0A-2D1C3B4A5F6E",
    HostId: "cloudauth-intl.ap-southeast-1.aliyuncs.com",
    Code: "SignatureDoesNotMatch",
    Message: "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&...",
    Recommend: "https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch",
  };
}

/** The paths of every value of a JSON object tree (e.g. ["Result", "ExtFaceInfo", "FaceAge"]). */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== "object" || value === null) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
}

function setAt(
  root: unknown,
  path: string[],
  change: (parent: Record<string, unknown>, key: string) => void,
): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  const key = path.at(-1);
  if (key === undefined) return copy;
  let parent: unknown = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[step];
  if (typeof parent === "object" && parent !== null) change(parent as Record<string, unknown>, key);
  return copy;
}

/** Odd values a field may get: every JSON type, numbers as text, Y/N look-alikes, huge and tiny numbers. */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    "Y",
    "N",
    "y",
    "n",
    "yes",
    "true",
    true,
    false,
    "",
    "NaN",
    "1e309",
    -1,
    101,
    1e308,
    -0,
    null,
  ),
  fc.double().map(String),
  fc.string({ maxLength: 40 }),
);

/**
 * A valid success or gateway-error answer with 1-4 edits: a field replaced by an odd value, removed, or
 * renamed, or ExtFaceInfo turned into JSON text (which Alibaba sometimes sends).
 */
export const mutatedAnswer: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom(validAnswer(), gatewayErrorAnswer()),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom("replace", "remove", "rename", "stringify"), oddValue), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([answer, edits]) =>
    edits.reduce<unknown>((current, [pick, kind, odd]) => {
      const all = paths(current).filter((path) => path.length > 0);
      const path = all[pick % all.length] ?? [];
      return setAt(current, path, (parent, key) => {
        if (kind === "remove") delete parent[key];
        else if (kind === "rename") {
          parent[`${key}_`] = parent[key];
          delete parent[key];
        } else if (kind === "stringify") parent[key] = JSON.stringify(parent[key]) ?? "";
        else parent[key] = odd;
      });
    }, answer),
  );
