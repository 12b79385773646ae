import { SUITE_USER_HASH } from "./bad-input-ids.js";
import type { BadRequestCase } from "./bad-request-case.js";
import { acceptableBody, jsonCase } from "./json-request.js";
import { RAW_USER_IDS } from "./raw-user-ids.js";

const invalidFormat = { status: 400, code: "invalid_request", issue: "invalid_format" } as const;

/** `merchantBizId` must be 1-32 ASCII letters and digits: look-alikes, controls and escapes are not. */
const bizId = (name: string, value: string): BadRequestCase =>
  jsonCase(`merchantBizId ${name}`, invalidFormat, () => acceptableBody({ merchantBizId: value }));

/** `merchantUserId` must be 64 lower-case hex digits (a SHA-256): anything else, raw ids first, is not. */
const userId = (name: string, value: string): BadRequestCase =>
  jsonCase(`merchantUserId ${name}`, invalidFormat, () => acceptableBody({ merchantUserId: value }));

/** A user id holding the JSON escape sequence `sequence` in the middle (a lone surrogate cannot be written otherwise). */
const userIdEscaped = (name: string, sequence: string): BadRequestCase =>
  jsonCase(`merchantUserId ${name}`, invalidFormat, () =>
    JSON.stringify(acceptableBody({ merchantUserId: "@@" })).replace(
      '"@@"',
      `"${SUITE_USER_HASH.slice(0, 32)}${sequence}${SUITE_USER_HASH.slice(33)}"`,
    ),
  );

/** Unicode, control characters, look-alikes and injection strings in both ids. */
export const idCases: BadRequestCase[] = [
  bizId("empty", ""),
  bizId("of 33 characters", "A".repeat(33)),
  bizId("with a space", "abc def"),
  bizId("with a dash", "abc-123"),
  bizId("with an underscore", "abc_123"),
  bizId("with a NUL", "abc\u0000def"),
  bizId("with a line break", "abc\ndef"),
  bizId("with CRLF and a header", "abc\r\nX-Injected: 1"),
  bizId("with a tab", "abc\tdef"),
  bizId("with DEL", "abc\u007f"),
  bizId("with an accented letter", "caf\u00e9123"),
  bizId("in full-width digits", "\uff11\uff12\uff13"),
  bizId("with a zero-width space", "abc\u200bdef"),
  bizId("with a right-to-left override", "\u202eabc123"),
  bizId("with an emoji", "abc\u{1f600}"),
  bizId("with the Kelvin sign (folds to k)", "\u212a123"),
  bizId("with a dotted capital I (lower-cases to two characters)", "\u0130abc"),
  bizId("with sharp s (upper-cases to SS)", "stra\u00dfe"),
  bizId("as a path traversal", "../../etc/passwd"),
  bizId("as HTML", "<script>alert(1)</script>"),
  bizId("as SQL", "1' OR '1'='1"),
  bizId("percent-encoded", "abc%00def"),
  jsonCase("merchantBizId holding a lone surrogate", invalidFormat, () =>
    JSON.stringify(acceptableBody({ merchantBizId: "@@" })).replace('"@@"', '"abc\\ud800def"'),
  ),
  userId("as a raw e-mail address", RAW_USER_IDS.email),
  userId("as a raw phone number", RAW_USER_IDS.phone),
  userId("as a raw national id", RAW_USER_IDS.nationalId),
  userId("as a raw name", RAW_USER_IDS.fullName),
  userId("as a raw name in CJK", RAW_USER_IDS.unicodeName),
  userId("as a raw user name", RAW_USER_IDS.username),
  userId("in upper-case hex", SUITE_USER_HASH.toUpperCase()),
  userId("of 63 hex digits", SUITE_USER_HASH.slice(1)),
  userId("of 65 hex digits", `${SUITE_USER_HASH}0`),
  userId("as a SHA-512", SUITE_USER_HASH.repeat(2)),
  userId("with a trailing line break", `${SUITE_USER_HASH}\n`),
  userId("with a leading space", ` ${SUITE_USER_HASH.slice(1)}`),
  userId("with a full-width digit", `\uff10${SUITE_USER_HASH.slice(1)}`),
  userId("with a Cyrillic a (a look-alike)", `\u0430${SUITE_USER_HASH.slice(1)}`),
  userId("with a zero-width space", `${SUITE_USER_HASH.slice(0, 63)}\u200b`),
  userIdEscaped("with an escaped NUL", "\\u0000"),
  userIdEscaped("with a lone high surrogate", "\\ud800"),
  userIdEscaped("with a lone low surrogate", "\\udfff"),
  userIdEscaped("with an escaped BEL", "\\u0007"),
];
