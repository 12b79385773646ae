import {
  bytesToBase64,
  encodeFormBody,
  FACE_LIVENESS_ACTION,
  FACE_LIVENESS_VERSION,
  signRequest,
  signRequestV2,
} from "@liveness-kit/core";
import { DEV_CREDENTIALS } from "../dev-credentials.js";
import { type RawRequest, type RawResponse, sendRaw } from "./raw-http.js";

/** One call to sign: parameters for the query and, optionally, the form body. */
export interface AcsCall {
  query?: Record<string, string>;
  form?: Record<string, string>;
  action?: string;
  version?: string;
  method?: "POST" | "GET";
  /** The Host to sign and send (default: the emulator's own address). */
  host?: string;
  credentials?: { accessKeyId: string; accessKeySecret: string };
  date?: Date;
  nonce?: string;
}

/** A FaceLivenessV2 call's query for a test user, with the picture source to add. */
export function faceQuery(merchantBizId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ProductCode: "FACE_LIVENESS_MIN_PRO",
    MerchantBizId: merchantBizId,
    MerchantUserId: "9f86d081884c7d659a2feaa0c55ad015",
    ...extra,
  };
}

/** Signs a call with core's ACS3-HMAC-SHA256 signer and returns the request to send to `baseUrl`. */
export async function signedRequest(baseUrl: string, call: AcsCall): Promise<RawRequest> {
  const base = new URL(baseUrl);
  const signUrl = new URL(`http://${call.host ?? base.host}/`);
  for (const [name, value] of Object.entries(call.query ?? {})) signUrl.searchParams.append(name, value);
  const body = call.form ? encodeFormBody(call.form) : undefined;
  const headers = await signRequest(
    {
      method: call.method ?? "POST",
      url: signUrl,
      ...(body !== undefined
        ? { body, headers: { "content-type": "application/x-www-form-urlencoded" } }
        : {}),
    },
    call.credentials ?? DEV_CREDENTIALS,
    {
      action: call.action ?? FACE_LIVENESS_ACTION,
      version: call.version ?? FACE_LIVENESS_VERSION,
      ...(call.date ? { date: call.date } : {}),
      ...(call.nonce ? { nonce: call.nonce } : {}),
    },
  );
  return {
    url: `${base.origin}/${signUrl.search}`,
    method: call.method ?? "POST",
    headers,
    ...(body !== undefined ? { body } : {}),
  };
}

/** Signs a call with core's legacy V2 signer: common parameters in the query, the form fields in the body. */
export async function signedRequestV2(baseUrl: string, call: AcsCall): Promise<RawRequest> {
  const params = await signRequestV2(
    { method: call.method ?? "POST", params: { ...call.query, ...call.form } },
    call.credentials ?? DEV_CREDENTIALS,
    {
      action: call.action ?? FACE_LIVENESS_ACTION,
      version: call.version ?? FACE_LIVENESS_VERSION,
      ...(call.date ? { date: call.date } : {}),
      ...(call.nonce ? { nonce: call.nonce } : {}),
    },
  );
  const query = new URLSearchParams();
  const form: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (call.form && name in call.form) form[name] = value;
    else query.append(name, value);
  }
  const hasForm = Object.keys(form).length > 0;
  return {
    url: `${new URL(baseUrl).origin}/?${query}`,
    method: call.method ?? "POST",
    headers: hasForm ? { "content-type": "application/x-www-form-urlencoded" } : {},
    ...(hasForm ? { body: encodeFormBody(form) } : {}),
  };
}

/** Signs (V3) and sends a call. */
export async function callAcs(baseUrl: string, call: AcsCall): Promise<RawResponse> {
  return sendRaw(await signedRequest(baseUrl, call));
}

/** Signs and sends a FaceLivenessV2 call in base64 mode. */
export async function callWithImage(
  baseUrl: string,
  merchantBizId: string,
  image: Uint8Array,
  extra: Record<string, string> = {},
): Promise<RawResponse> {
  return callAcs(baseUrl, {
    query: faceQuery(merchantBizId, extra),
    form: { FacePictureBase64: bytesToBase64(image) },
  });
}
