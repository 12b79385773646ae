import { SUITE_USER_HASH } from "./bad-input-ids.js";
import { ARRAY_AS_OBJECT, type BadRequestCase } from "./bad-request-case.js";
import { acceptableBody, jsonCase } from "./json-request.js";

/** Deep nesting may exhaust a parser's stack: either refusal is clean, a 5xx or a hang is not. */
const deepRefusal = { status: 400, code: ["invalid_json", "invalid_request"] } as const;
const invalid = (issue: string | readonly string[]) =>
  ({ status: 400, code: "invalid_request", issue }) as const;

/** The acceptable body's text with `value` as the value of `key`. */
const withRaw = (key: string, value: string) => {
  const body = acceptableBody({ [key]: undefined });
  return `${JSON.stringify(body).slice(0, -1)},"${key}":${value}}`;
};

/** JSON that costs the parser: deep nesting, huge strings and numbers, thousands of keys, all under the limit. */
export const jsonBombCases: BadRequestCase[] = [
  jsonCase("500,000 nested arrays", deepRefusal, () => `${"[".repeat(500_000)}${"]".repeat(500_000)}`),
  jsonCase("200,000 nested objects", deepRefusal, () => `${'{"a":'.repeat(200_000)}1${"}".repeat(200_000)}`),
  jsonCase("100,000 nested arrays as the image", deepRefusal, () =>
    withRaw("image", `${"[".repeat(100_000)}${"]".repeat(100_000)}`),
  ),
  jsonCase("100,000 nested objects as image.base64", deepRefusal, () =>
    withRaw("image", `{"base64":${'{"a":'.repeat(100_000)}1${"}".repeat(100_001)}`),
  ),
  jsonCase("a 1.4 MB merchantUserId", invalid("invalid_format"), () =>
    acceptableBody({
      merchantUserId: SUITE_USER_HASH.repeat(21_000),
      image: { url: "https://images.example.com/a.jpg" },
    }),
  ),
  jsonCase("a 1.4 MB merchantBizId", invalid("invalid_format"), () =>
    acceptableBody({
      merchantBizId: "A".repeat(1_400_000),
      image: { url: "https://images.example.com/a.jpg" },
    }),
  ),
  jsonCase("a 1.4 MB image.url", { status: 400, code: "invalid_request", issue: "too_long" }, () =>
    acceptableBody({ image: { url: `https://images.example.com/${"a".repeat(1_400_000)}` } }),
  ),
  jsonCase("a 1.4 MB string of escaped surrogate pairs", invalid("invalid_format"), () =>
    withRaw("merchantUserId", `"${"\\ud83d\\ude00".repeat(110_000)}"`),
  ),
  jsonCase("100,000 unknown keys", invalid("unknown_field"), () => {
    const body = acceptableBody({ image: { url: "https://images.example.com/a.jpg" } });
    for (let i = 0; i < 100_000; i++) body[`k${i}`] = 0;
    return body;
  }),
  jsonCase("50,000 unknown keys inside image", invalid("unknown_field"), () => {
    const image: Record<string, unknown> = { url: "https://images.example.com/a.jpg" };
    for (let i = 0; i < 50_000; i++) image[`k${i}`] = 0;
    return acceptableBody({ image });
  }),
  jsonCase("an array of 400,000 numbers as the image", invalid(ARRAY_AS_OBJECT), () =>
    withRaw("image", `[${new Array(400_000).fill(1).join(",")}]`),
  ),
  jsonCase("a number with 1,000,000 digits as faceQualityCheck", invalid("invalid_type"), () =>
    withRaw("faceQualityCheck", "9".repeat(1_000_000)),
  ),
  jsonCase("1e400 as faceQualityCheck", invalid("invalid_type"), () => withRaw("faceQualityCheck", "1e400")),
  jsonCase(
    "1.4 MB of whitespace around null",
    invalid("invalid_type"),
    () => `${" ".repeat(700_000)}null${"\n".repeat(700_000)}`,
  ),
  jsonCase("15,000 duplicate merchantUserId keys ending in a bad one", invalid("duplicate_field"), () => {
    const text = JSON.stringify(acceptableBody()).slice(0, -1);
    return `${text}${`,"merchantUserId":"${SUITE_USER_HASH}"`.repeat(15_000)},"merchantUserId":"x"}`;
  }),
];
