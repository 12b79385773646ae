import { AUTHORIZE_FILE_UPLOAD, FACE_LIVENESS_ACTION, FACE_LIVENESS_VERSION } from "@liveness-kit/core";

/** The APIs the emulator serves, by action, with the one version each exists in. */
export const EMULATED_APIS: Readonly<Record<string, string>> = {
  [FACE_LIVENESS_ACTION]: FACE_LIVENESS_VERSION,
  [AUTHORIZE_FILE_UPLOAD.action]: AUTHORIZE_FILE_UPLOAD.version,
};

/**
 * Which API a request calls: the action and version from `x-acs-action` / `x-acs-version` (V3) or the
 * `Action` / `Version` parameters (V2). Undefined (then `InvalidApi.NotFound`) for an unknown action, a version
 * it does not exist in, or neither given.
 */
export function resolveApi(
  headers: Headers,
  params: URLSearchParams,
): { action: string; version: string } | undefined {
  const action = headers.get("x-acs-action") ?? params.get("Action") ?? "";
  const version = headers.get("x-acs-version") ?? params.get("Version") ?? "";
  if (!Object.hasOwn(EMULATED_APIS, action) || EMULATED_APIS[action] !== version) return undefined;
  return { action, version };
}
