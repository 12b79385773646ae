import { concatBytes } from "@liveness-kit/core/bytes";
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
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw tooLarge(options.maxBytes);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(options.maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AcsError) throw error;
    throw failed(
      timeout.aborted ? `no complete answer within ${options.timeoutMs} ms` : "the download broke off",
    );
  }
  return concatBytes(...chunks);
}

function tooLarge(maxBytes: number): AcsError {
  return new AcsError("ToolargeImage", `The image is over ${maxBytes} bytes (1 MB).`);
}
