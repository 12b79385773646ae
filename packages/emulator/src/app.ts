import { FACE_LIVENESS_ACTION } from "@liveness-kit/core";
import { type Context, Hono } from "hono";
import { adminRoutes } from "./admin/admin-routes.js";
import type { EmulatorEnv } from "./emulator-env.js";
import { type EmulatorOptions, resolveEmulatorOptions } from "./emulator-options.js";
import { createEmulatorState, type EmulatorState } from "./emulator-state.js";
import { acsGateway } from "./gateway/acs-gateway.js";
import { requestHost } from "./gateway/request-host.js";
import { createRequestId } from "./gateway/request-id.js";
import { recordCall } from "./ledger/record-call.js";
import { faceLivenessV2 } from "./product/face-liveness-v2.js";
import { authorizeFileUpload, ossErrorResponse, postObject } from "./product/file-upload.js";
import { bucketOfHost } from "./product/upload-bucket.js";
import { renderError } from "./render-error.js";

/** An emulator: the Hono app (runtime-neutral) and the state it keeps. */
export interface Emulator {
  /** The Hono app; serve it with `@hono/node-server` or as a Worker's fetch handler. */
  readonly app: Hono<EmulatorEnv>;
  /** Ledger, call log, scenarios, faults and the other in-memory state. */
  readonly state: EmulatorState;
  /** Answers one request (the app's fetch). */
  fetch(request: Request, env?: Record<string, unknown>): Promise<Response>;
  /** Releases every request held by latency or no-answer scenarios (call before closing a server). */
  close(): void;
}

/**
 * Builds an emulator of Alibaba Cloud's FaceLivenessV2 endpoint. Routes, in order: `GET /healthz`; the admin
 * API under `/__emulator/` (unless `admin: false`); the OSS PostObject endpoint (`POST /__oss/{bucket}/`, or a
 * POST whose Host starts with an upload bucket); everything else goes through the API gateway (signature,
 * nonce, throttling) to FaceLivenessV2 or AuthorizeFileUpload.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const resolved = resolveEmulatorOptions(options);
  const state = createEmulatorState(resolved);
  const app = new Hono<EmulatorEnv>();

  app.onError(renderError);
  app.use(async (c, next) => {
    c.set("requestId", createRequestId());
    c.set("hostId", requestHost(c.req.raw));
    await next();
  });

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  if (resolved.admin) app.route("/__emulator", adminRoutes(state));

  const upload = (c: Context<EmulatorEnv>) => {
    const bucket = c.req.param("bucket") ?? "";
    return bucketOfHost(`${bucket}.`) === bucket
      ? postObject(c, state, bucket)
      : ossErrorResponse(
          404,
          "NoSuchBucket",
          "The specified bucket does not exist.",
          c.var.requestId,
          bucket,
        );
  };
  app.post("/__oss/:bucket", recordCall(state, "PostObject"), upload);
  app.post("/__oss/:bucket/", recordCall(state, "PostObject"), upload);

  app.all(
    "*",
    async (c, next) => {
      const bucket = c.req.method === "POST" ? bucketOfHost(requestHost(c.req.raw)) : undefined;
      if (!bucket) return next();
      return recordCall(state, "PostObject")(c, async () => {
        c.res = await postObject(c, state, bucket);
      });
    },
    recordCall(state),
    acsGateway(state),
    (c) =>
      c.var.call.action === FACE_LIVENESS_ACTION ? faceLivenessV2(c, state) : authorizeFileUpload(c, state),
  );

  return {
    app,
    state,
    fetch: async (request, env) => app.fetch(request, env ?? {}),
    close: () => state.interruptions.releaseAll(),
  };
}
