import type { BadRequestCase } from "./bad-request-case.js";
import { base64Cases } from "./base64-cases.js";
import { bodySizeCases } from "./body-size-cases.js";
import { callerTokenCases } from "./caller-token-cases.js";
import { contentTypeCases } from "./content-type-cases.js";
import { fieldCases } from "./field-cases.js";
import { idCases } from "./id-cases.js";
import { imageHeaderCases } from "./image-header-cases.js";
import { jsonBombCases } from "./json-bomb-cases.js";
import { jsonSyntaxCases } from "./json-syntax-cases.js";
import { multipartCases } from "./multipart-cases.js";
import { originCases } from "./origin-cases.js";
import { routeCases } from "./route-cases.js";
import { ssrfUrlCases } from "./ssrf-url-cases.js";
import { stalledBodyCases } from "./stalled-body-cases.js";

/** The whole bad-input corpus, class by class. */
export const BAD_INPUT_CORPUS: readonly { kind: string; cases: readonly BadRequestCase[] }[] = [
  { kind: "content types", cases: contentTypeCases },
  { kind: "methods and paths", cases: routeCases },
  { kind: "body size", cases: bodySizeCases },
  { kind: "stalled bodies", cases: stalledBodyCases },
  { kind: "multipart", cases: multipartCases },
  { kind: "JSON syntax and encoding", cases: jsonSyntaxCases },
  { kind: "JSON bombs", cases: jsonBombCases },
  { kind: "field types and unknown fields", cases: fieldCases },
  { kind: "unicode and control characters in ids", cases: idCases },
  { kind: "base64", cases: base64Cases },
  { kind: "image headers", cases: imageHeaderCases },
  { kind: "SSRF URLs", cases: ssrfUrlCases },
  { kind: "caller keys and tokens", cases: callerTokenCases },
  { kind: "origins", cases: originCases },
];
