import { AUTHORIZE_FILE_UPLOAD, regionHost, verifyRequest } from "@liveness-kit/core";
import type { MiddlewareHandler } from "hono";
import type { EmulatorEnv } from "../emulator-env.js";
import type { EmulatorState } from "../emulator-state.js";
import { AcsError } from "./acs-error.js";
import { resolveApi } from "./api-route.js";
import { BodyTooLargeError, readBody } from "./read-body.js";
import { regionFromHost } from "./region-from-host.js";
import { requestHost } from "./request-host.js";

/**
 * What Alibaba's API gateway does before the product sees a call, in its order: read the body (capped),
 * find the API (`InvalidApi.NotFound`), verify the V3 or V2 signature with core (`IncompleteSignature`,
 * `MissingParameter`, `InvalidAccessKeyId.NotFound`, `SignatureDoesNotMatch`, `InvalidTimeStamp.*`), refuse a
 * replayed nonce (`SignatureNonceUsed`), then flow control per account, region and API (`Throttling.Api`
 * with `x-acs-retry-after`). On success the call (action, key, region, parameters) is in `c.var.call`.
 */
export function acsGateway(state: EmulatorState): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const region = regionFromHost(requestHost(c.req.raw), state.options.region);
    c.set("hostId", regionHost(region));

    let body: Uint8Array;
    try {
      body = await readBody(c.req.raw, state.options.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        throw new AcsError(
          "ToolargeImage",
          `The request body is over ${error.maxBytes} bytes; the image must be at most 1 MB.`,
        );
      }
      throw error;
    }
    const url = new URL(c.req.url);
    const params = new URLSearchParams(url.search);
    const contentType = c.req.header("content-type")?.toLowerCase() ?? "";
    if (contentType.startsWith("application/x-www-form-urlencoded") && body.byteLength > 0) {
      for (const [name, value] of new URLSearchParams(new TextDecoder().decode(body)))
        params.append(name, value);
    }

    const api = resolveApi(c.req.raw.headers, params);
    if (!api || url.pathname !== "/") throw new AcsError("InvalidApi.NotFound");
    if (api.action === AUTHORIZE_FILE_UPLOAD.action) c.set("hostId", AUTHORIZE_FILE_UPLOAD.host);

    const now = state.options.now();
    const verified = await verifyRequest(
      { method: c.req.method, url, headers: c.req.raw.headers, body },
      (accessKeyId) =>
        state.options.credentials.find((pair) => pair.accessKeyId === accessKeyId)?.accessKeySecret,
      { now: new Date(now) },
    );
    if (!verified.ok) throw new AcsError(verified.code, verified.message, { source: "gateway" });
    // The signed action is the one served: an unsigned Action parameter cannot redirect a V3 call.
    if (verified.action !== api.action || verified.version !== api.version)
      throw new AcsError("InvalidApi.NotFound");
    if (!state.nonces.remember(verified.accessKeyId, verified.nonce, now))
      throw new AcsError("SignatureNonceUsed");

    if (api.action !== AUTHORIZE_FILE_UPLOAD.action) {
      const decision = state.qps.take({ accessKeyId: verified.accessKeyId, region, action: api.action }, now);
      if (!decision.ok) {
        throw new AcsError("Throttling.Api", undefined, {
          headers: { "x-acs-retry-after": String(decision.retryAfterMs) },
        });
      }
    }
    c.set("call", {
      action: api.action,
      version: api.version,
      accessKeyId: verified.accessKeyId,
      signatureVersion: verified.signatureVersion,
      region,
      params,
    });
    await next();
  };
}
