import { SUITE_USER_HASH } from "./bad-input-ids.js";
import type { BadRequestCase } from "./bad-request-case.js";
import { acceptableBody, jsonCase } from "./json-request.js";
import { RAW_USER_IDS } from "./raw-user-ids.js";

const invalidJson = { status: 400, code: "invalid_json" } as const;
const notAnObject = { status: 400, code: "invalid_request", issue: "invalid_type" } as const;

/** The acceptable body as JSON text, to be broken by the caller. */
const acceptableText = () => JSON.stringify(acceptableBody());

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : Buffer.from(part)))),
  );

/** Bodies that are not JSON, not UTF-8, or JSON of the wrong kind. */
export const jsonSyntaxCases: BadRequestCase[] = [
  jsonCase("an empty body", invalidJson, () => ""),
  jsonCase("only whitespace", invalidJson, () => " \r\n\t "),
  jsonCase("a lone brace", invalidJson, () => "{"),
  jsonCase("an acceptable body cut in half", invalidJson, () => {
    const text = acceptableText();
    return text.slice(0, text.length / 2);
  }),
  jsonCase("an acceptable body with trailing garbage", invalidJson, () => `${acceptableText()}x`),
  jsonCase("two JSON documents in a row", invalidJson, () => `${acceptableText()}${acceptableText()}`),
  jsonCase("a trailing comma", invalidJson, () => `${acceptableText().slice(0, -1)},}`),
  jsonCase("single-quoted strings", invalidJson, () => acceptableText().replaceAll('"', "'")),
  jsonCase("a comment", invalidJson, () => `/* hi */${acceptableText()}`),
  jsonCase("NaN as a value", invalidJson, () => `${acceptableText().slice(0, -1)},"faceQualityCheck":NaN}`),
  jsonCase("a hex number", invalidJson, () => `${acceptableText().slice(0, -1)},"faceQualityCheck":0x1}`),
  jsonCase("an unquoted key", invalidJson, () => `{merchantUserId:"${SUITE_USER_HASH}"}`),
  jsonCase("a raw NUL inside a string", invalidJson, () =>
    bytes(`{"merchantUserId":"${SUITE_USER_HASH}`, [0], '"}'),
  ),
  jsonCase(
    "a raw line break inside a string",
    invalidJson,
    () => `{"merchantUserId":"${SUITE_USER_HASH}\n"}`,
  ),
  jsonCase("an overlong UTF-8 encoding of /", invalidJson, () =>
    bytes('{"merchantUserId":"', [0xc0, 0xaf], '"}'),
  ),
  jsonCase("a UTF-8-encoded lone surrogate (CESU-8)", invalidJson, () =>
    bytes('{"merchantUserId":"', [0xed, 0xa0, 0x80], '"}'),
  ),
  jsonCase("a stray continuation byte", invalidJson, () => bytes('{"merchantUserId":"', [0x80], '"}')),
  jsonCase(
    "a body in UTF-16 without a charset",
    invalidJson,
    () => new Uint8Array(Buffer.from(acceptableText(), "utf16le")),
  ),
  jsonCase("a body in UTF-32", invalidJson, () => {
    const text = acceptableText();
    const out = Buffer.alloc(text.length * 4);
    for (let i = 0; i < text.length; i++) out.writeUInt32LE(text.charCodeAt(i), i * 4);
    return new Uint8Array(out);
  }),
  jsonCase("null", notAnObject, () => "null"),
  jsonCase("an array", notAnObject, () => "[]"),
  jsonCase("an array holding the acceptable body", notAnObject, () => `[${acceptableText()}]`),
  jsonCase("a string", notAnObject, () => '"hello"'),
  jsonCase("a number", notAnObject, () => "42"),
  jsonCase("true", notAnObject, () => "true"),
  jsonCase(
    "a duplicate key whose last value is a raw user id",
    { status: 400, code: "invalid_request", issue: "duplicate_field" },
    () => `${acceptableText().slice(0, -1)},"merchantUserId":"${RAW_USER_IDS.email}"}`,
  ),
  // Last wins in JSON.parse: a log or firewall reading the first value would see another request.
  jsonCase(
    "a duplicate key whose first value is a raw user id and last the hash",
    { status: 400, code: "invalid_request", issue: "duplicate_field" },
    () => `{"merchantUserId":"${RAW_USER_IDS.email}",${acceptableText().slice(1)}`,
  ),
  jsonCase(
    "a duplicate key spelled with a unicode escape",
    { status: 400, code: "invalid_request", issue: "duplicate_field" },
    () => `${acceptableText().slice(0, -1)},"merchant\u0055serId":"${"0".repeat(64)}"}`,
  ),
  jsonCase(
    "a duplicate key inside image",
    { status: 400, code: "invalid_request", issue: "duplicate_field" },
    () => acceptableText().replace('"image":{', '"image":{"base64":"AAAA",'),
  ),
  jsonCase(
    "a __proto__ key",
    { status: 400, code: "invalid_request", issue: "unknown_field" },
    () => `${acceptableText().slice(0, -1)},"__proto__":{"faceQualityCheck":true}}`,
  ),
  jsonCase(
    "a constructor key",
    { status: 400, code: "invalid_request", issue: "unknown_field" },
    () => `${acceptableText().slice(0, -1)},"constructor":{"prototype":{"polluted":true}}}`,
  ),
];
