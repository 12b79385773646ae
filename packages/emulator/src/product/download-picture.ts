import { readCapped } from "@liveness-kit/core/bytes";
import { AcsError } from "../gateway/acs-error.js";

/**
 * Downloads a `FacePictureUrl` as Alibaba's servers would, within `timeoutMs` for the whole download and
 * reading at most `maxBytes` (one byte more is enough to know it is too large). Redirects are not followed:
 * a redirect could lead to a host the URL checks refused.
 *
 * Throws `DownloadTimeout` (the only download code Alibaba documents) for a timeout, a network error or a
 * status other than 200, and `ToolargeImage` past `maxBytes`.
 */
export async function downloadPicture(
  url: URL,
  options: { fetch: typeof fetch; timeoutMs: number; maxBytes: number; signal?: AbortSignal },
): Promise<Uint8Array> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const failed = (why: string) =>
    new AcsError("DownloadTimeout", `FacePictureUrl could not be downloaded: ${why}.`);
  let response: Response;
  try {
    response = await options.fetch(url, { redirect: "manual", signal, headers: { accept: "image/*" } });
  } catch {
    throw failed(
      timeout.aborted ? `no answer within ${options.timeoutMs} ms` : "the host could not be reached",
    );
  }
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    throw failed(`the server answered HTTP ${response.status}`);
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readCapped(response.body, options.maxBytes, response.headers.get("content-length"));
  } catch {
    throw failed(
      timeout.aborted ? `no complete answer within ${options.timeoutMs} ms` : "the download broke off",
    );
  }
  if (bytes === undefined) throw tooLarge(options.maxBytes);
  return bytes;
}

function tooLarge(maxBytes: number): AcsError {
  return new AcsError("ToolargeImage", `The image is over ${maxBytes} bytes (1 MB).`);
}
