import {
  ErrorAnswerSchema,
  FaceLivenessAnswerSchema,
  FaceLivenessFormSchema,
  FaceLivenessJsonSchema,
  MerchantBizIdSchema,
  MerchantUserIdSchema,
  ProxyErrorCodeSchema,
  ReceiptSchema,
} from "@liveness-kit/contract";
import { type JsonSchema, toJsonSchemaDefs } from "@valibot/to-json-schema";

/**
 * The contract's schemas that the document names, by their name in `components.schemas`. The document's
 * schemas are converted from these and nothing else: a change of the contract changes the document.
 */
export const CONTRACT_SCHEMAS = {
  MerchantBizId: MerchantBizIdSchema,
  MerchantUserId: MerchantUserIdSchema,
  FaceLivenessJson: FaceLivenessJsonSchema,
  FaceLivenessForm: FaceLivenessFormSchema,
  FaceLivenessAnswer: FaceLivenessAnswerSchema,
  Receipt: ReceiptSchema,
  ProxyErrorCode: ProxyErrorCodeSchema,
  Error: ErrorAnswerSchema,
};

/**
 * The contract's schemas as JSON Schema (draft 2020-12, which OpenAPI 3.1 uses), referring to each other
 * through `#/components/schemas/`. A multipart file part has no JSON Schema type: it is a binary string.
 */
export function contractJsonSchemas(): Record<keyof typeof CONTRACT_SCHEMAS, JsonSchema> {
  return toJsonSchemaDefs(CONTRACT_SCHEMAS, {
    target: "draft-2020-12",
    overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
    overrideSchema: ({ valibotSchema }) =>
      valibotSchema.type === "instance" ? { type: "string", contentMediaType: "image/jpeg" } : undefined,
  });
}

const errorResponse = (description: string) => ({
  description,
  headers: {
    "x-request-id": { $ref: "#/components/headers/RequestId" },
  },
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const retryableErrorResponse = (description: string) => ({
  ...errorResponse(description),
  headers: {
    "x-request-id": { $ref: "#/components/headers/RequestId" },
    "retry-after": {
      description: "Seconds to wait before retrying.",
      schema: { type: "integer", minimum: 1 },
    },
  },
});

let built: ReturnType<typeof buildOpenApiDocument> | undefined;

/**
 * The OpenAPI 3.1 description of the proxy, served at `GET /v1/openapi.json`. Converted on first use, not
 * when the Worker starts: most isolates only ever serve face liveness calls.
 */
export function openApiDocument(): ReturnType<typeof buildOpenApiDocument> {
  built ??= buildOpenApiDocument();
  return built;
}

function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "liveness-kit edge proxy",
      version: "0.1.0",
      summary: "Calls Alibaba Cloud FaceLivenessV2 for web apps, keeping the AccessKey at the edge.",
      description:
        "Checks the caller and the image, calls FaceLivenessV2 once per merchantBizId (repeats within 24 h are replayed " +
        "with `Idempotent-Replay: true`; a merchantBizId belongs to the first caller that uses it), and answers in a " +
        "web-friendly shape. Every decided answer carries `receipt`, a JWT signed by the proxy (ES256, " +
        "`typ: liveness-receipt+jwt`) that the app's server verifies against `/.well-known/jwks.json`; a server caller " +
        "may also fetch the decided answer itself with `GET /v1/face-liveness/{merchantBizId}`. Every answer carries `x-request-id` and " +
        "`Server-Timing`. Errors are `{ code, message, requestId, retryable, hint?, details? }`: `code` is one of the proxy's " +
        "codes below or, for a refusal by Alibaba, Alibaba's own code (e.g. `NoFaceDetected`, `UnqualifiedPhoto`).",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "http://127.0.0.1:8787", description: "wrangler dev (local stack)" }],
    security: [{ callerBearer: [] }],
    paths: {
      "/v1/face-liveness": {
        post: {
          operationId: "faceLiveness",
          summary: "Check one face picture for liveness (FaceLivenessV2, FACE_LIVENESS_MIN_PRO).",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/FaceLivenessJson" },
                example: {
                  merchantBizId: "order20260401A1",
                  merchantUserId: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  image: { url: "https://images.example.com/face.jpg" },
                  faceQualityCheck: true,
                },
              },
              "multipart/form-data": {
                schema: { $ref: "#/components/schemas/FaceLivenessForm" },
                encoding: { image: { contentType: "image/jpeg, image/png" } },
              },
            },
          },
          responses: {
            "200": {
              description:
                "A billed verdict (passed or not) with its signed `receipt`. A repeat of an earlier request carries " +
                "`Idempotent-Replay: true` and a fresh receipt with the same decision.",
              headers: {
                "x-request-id": { $ref: "#/components/headers/RequestId" },
                "server-timing": {
                  description: "validate, sign and upstream durations.",
                  schema: { type: "string" },
                },
                "idempotent-replay": {
                  description: "`true` when this is the stored answer of an earlier identical request.",
                  schema: { type: "string", enum: ["true"] },
                },
              },
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/FaceLivenessAnswer" } },
              },
            },
            "400": errorResponse(
              "The body breaks the schema (`details.issues` lists every problem) or is not JSON.",
            ),
            "401": errorResponse("Missing, invalid, expired or replayed caller credentials."),
            "403": errorResponse("A browser origin that is not allowed."),
            "408": errorResponse(
              "The body stalled (no data for the idle timeout, e.g. a Content-Length never reached) or was not " +
                "complete by the deadline (`body_timeout`, retryable).",
            ),
            "409": retryableErrorResponse(
              "The merchantBizId was used with a different body (`idempotency_conflict`), belongs to another caller of " +
                "this deployment (`merchant_biz_id_taken`), or is still running (`idempotency_in_progress`, retryable).",
            ),
            "413": errorResponse("The body is larger than the limit (counted while reading)."),
            "415": errorResponse(
              "Neither application/json nor multipart/form-data, or a charset other than UTF-8.",
            ),
            "422": errorResponse(
              "The image cannot be used (`image_rejected` with core's report in `details`) or Alibaba refused it " +
                "(`NoFaceDetected`, `UnqualifiedPhoto`, `ToolargeImage`, `DownloadTimeout`, ...).",
            ),
            "429": retryableErrorResponse(
              "Over the caller's rate, the region's QPS, or throttled by Alibaba.",
            ),
            "500": errorResponse("An unexpected failure of the proxy."),
            "502": errorResponse(
              "Alibaba could not be reached, answered garbage, or refused the proxy's own AccessKey or account " +
                "(`upstream_refused_proxy`: a generic message; the operator's log line has the details).",
            ),
            "503": retryableErrorResponse(
              "Alibaba is unavailable in every region tried, or the proxy is misconfigured.",
            ),
            "504": errorResponse("Alibaba did not answer in time."),
          },
        },
      },
      "/v1/face-liveness/{merchantBizId}": {
        get: {
          operationId: "faceLivenessLookup",
          summary: "The decided answer of a merchantBizId, with a fresh receipt (server callers only).",
          description:
            "For the app's server: fetch the result itself instead of trusting what the browser says. Any merchantBizId " +
            "of this deployment, whoever made the call, for as long as its idempotency record lives (24 h by default). " +
            "Needs a caller key with the role `server`; browser keys and caller tokens get 403. Bills nothing.",
          parameters: [
            {
              name: "merchantBizId",
              in: "path",
              required: true,
              schema: { $ref: "#/components/schemas/MerchantBizId" },
            },
          ],
          responses: {
            "200": {
              description:
                "The decided answer as it was first given (no `Idempotent-Replay`), with a fresh `receipt`.",
              headers: { "x-request-id": { $ref: "#/components/headers/RequestId" } },
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/FaceLivenessAnswer" } },
              },
            },
            "401": errorResponse("Missing or invalid caller credentials."),
            "403": errorResponse("A browser caller (`server_caller_required`)."),
            "404": errorResponse(
              "No decided answer is kept: unknown, expired, or its call ended without a decision; or the path is no " +
                "merchantBizId (`not_found`).",
            ),
            "405": errorResponse("Another method than GET (`Allow: GET`)."),
            "409": retryableErrorResponse("The call is still running (`idempotency_in_progress`)."),
            "429": retryableErrorResponse("Over the caller's rate."),
            "503": retryableErrorResponse("The proxy is misconfigured."),
          },
        },
      },
      "/.well-known/jwks.json": {
        get: {
          operationId: "receiptKeys",
          summary: "The public keys that verify receipts (RFC 7517 JSON Web Key Set).",
          description:
            "No authentication, open to every origin (`Access-Control-Allow-Origin: *`), cacheable for 5 minutes. The " +
            "key that signs now comes first; older keys stay listed during a rotation. A receipt's `kid` picks its key.",
          security: [],
          responses: {
            "200": {
              description: "The key set.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Jwks" } } },
            },
            "503": errorResponse("The proxy is misconfigured (e.g. no RECEIPT_SIGNING_KEY)."),
          },
        },
      },
      "/healthz": {
        get: {
          operationId: "health",
          summary: "Liveness of the proxy itself.",
          security: [],
          responses: {
            "200": {
              description: "Running, with a configuration that parses.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["status", "requestId"],
                    properties: { status: { const: "ok" }, requestId: { type: "string" } },
                  },
                },
              },
            },
            "503": errorResponse("The configuration is broken (details in the log only)."),
          },
        },
      },
      "/v1/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "This document.",
          security: [],
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
        },
      },
    },
    components: {
      securitySchemes: {
        callerBearer: {
          type: "http",
          scheme: "bearer",
          description:
            "A caller key (the proxy stores only its SHA-256; role `browser` by default, or `server`) or a short-lived " +
            "caller token (`lkt1.` prefix, minted with core's mintCallerToken; at most 10 minutes; single use; always " +
            "a browser caller).",
        },
      },
      headers: {
        RequestId: {
          description: "The proxy's id of this HTTP exchange; quote it in reports.",
          schema: { type: "string" },
        },
      },
      schemas: {
        ...contractJsonSchemas(),
        Jwks: {
          type: "object",
          required: ["keys"],
          properties: {
            keys: {
              type: "array",
              items: {
                type: "object",
                required: ["kty", "crv", "x", "y", "kid"],
                properties: {
                  kty: { const: "EC" },
                  crv: { const: "P-256" },
                  x: { type: "string" },
                  y: { type: "string" },
                  kid: { type: "string" },
                  alg: { const: "ES256" },
                  use: { const: "sig" },
                },
              },
            },
          },
        },
      },
    },
  };
}
