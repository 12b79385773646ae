import {
  base64ToBytes,
  checkImage,
  type ImageFormat,
  type ImageInfo,
  verifyImageData,
} from "@liveness-kit/core/image";
import { IMAGE_LIMITS } from "@liveness-kit/core/spec";
import { ProxyError } from "../answers/proxy-error.js";
import type { PictureSource } from "./parse-face-liveness-body.js";
import { checkPublicImageUrl } from "./public-image-url.js";

/**
 * The picture as it will be sent: base64 in the form body (up to 0.6 MiB of image, Alibaba's base64
 * limit), file-stream mode (AuthorizeFileUpload + PostObject, up to 1 MiB), or a public URL. In base64 mode the
 * checked bytes are encoded straight into the form body when the request is built (core's
 * `buildFaceLivenessRequestFromBytes`), whichever way they came: in workerd, native toBase64 and a pass that
 * need not check the alphabet cost less than checking the caller's text again (0.59 against 0.68 ms for 600 KB).
 */
export type Picture =
  | {
      mode: "base64";
      bytes: Uint8Array;
      format: ImageFormat;
      droppedBytes?: number;
      /** The caller's base64 the bytes were decoded from, when they are all of it (nothing dropped). */
      base64?: string;
    }
  | { mode: "file"; bytes: Uint8Array; format: ImageFormat; droppedBytes?: number }
  | { mode: "url"; url: string };

/**
 * Decodes and checks the picture before anything is billed: the bytes are sniffed and measured with
 * core's `checkImage`, then their data is verified with core's `verifyImageData` (a sound header over
 * garbage, a cut-off file or a damaged PNG would only be refused by Alibaba after a call); either report
 * goes back in a 422. A URL is taken only when `imageUrlHosts` (IMAGE_URL_HOSTS) allows its host, and must
 * be https on a public host (the proxy never downloads it).
 * The mode follows the size: a picture too big for base64 goes by file stream, whichever way it came.
 */
export async function preparePicture(
  source: PictureSource,
  imageUrlHosts: readonly string[] = [],
): Promise<Picture> {
  if (source.kind === "url") {
    // Alibaba downloads the URL from inside its network, for this account: off unless hosts are allowed.
    if (imageUrlHosts.length === 0) {
      throw new ProxyError(
        400,
        "image_url_disabled",
        "This proxy does not take image.url; send the picture as image.base64 or as a multipart file.",
        {
          details: {
            issues: [
              { field: "image.url", code: "url_mode_off", message: "image.url is turned off on this proxy" },
            ],
          },
        },
      );
    }
    const check = checkPublicImageUrl(source.url, imageUrlHosts);
    if (!check.ok) {
      throw new ProxyError(400, "invalid_request", `The request is not valid: ${check.message}.`, {
        details: { issues: [{ field: "image.url", code: check.problem, message: check.message }] },
      });
    }
    return { mode: "url", url: check.url };
  }
  const sent = source.kind === "file" ? source.bytes : (source.bytes ?? decodeBase64(source.base64));
  const report = checkImage(sent, { mode: modeFor(sent) });
  if (!report.ok || report.info === undefined) throw imageRejected(report);
  // Only a header that passed is worth the walk through the data (linear, about a millisecond for a JPEG).
  const data = await verifyImageData(sent);
  if (!data.ok)
    throw imageRejected({ ok: false, bytes: data.bytes, info: report.info, problems: data.problems });
  // Data after the end marker (a phone's trailer, or a ZIP or HTML glued on: a polyglot) is no part of the
  // picture: only the image itself goes upstream. Not refused, since phones append such data.
  const bytes = sent.subarray(0, data.imageBytes ?? sent.byteLength);
  const droppedBytes = sent.byteLength - bytes.byteLength;
  const format = report.info.format;
  const mode = modeFor(bytes);
  // What is sent is exactly what was checked: these bytes (or the text they were strictly decoded from, whole).
  const text = source.kind === "base64" && droppedBytes === 0 ? { base64: source.base64 } : {};
  return mode === "base64"
    ? { mode, bytes, format, droppedBytes, ...text }
    : { mode, bytes, format, droppedBytes };
}

/** Base64 up to Alibaba's base64 limit, file-stream mode above it. */
function modeFor(bytes: Uint8Array): "base64" | "file" {
  return bytes.byteLength <= IMAGE_LIMITS.maxBase64SourceBytes ? "base64" : "file";
}

/** The 422 for an image report (checkImage's, or the data check's in the same shape): problems, fixes, report. */
function imageRejected(report: {
  ok: boolean;
  bytes: number;
  info?: ImageInfo | undefined;
  problems: readonly { code: string; message: string; fix: string }[];
}): ProxyError {
  const problems = report.problems.map((problem) => problem.message).join(" ");
  const hint = report.problems.map((problem) => problem.fix).join(" ");
  return new ProxyError(422, "image_rejected", `The image cannot be used. ${problems}`, {
    hint,
    details: report,
  });
}

function decodeBase64(text: string): Uint8Array {
  try {
    return base64ToBytes(text);
  } catch {
    throw new ProxyError(
      400,
      "invalid_base64",
      "image.base64 is not valid standard base64 (no data: prefix, no line breaks).",
      {
        details: {
          issues: [
            { field: "image.base64", code: "invalid_base64", message: "image.base64 is not valid base64" },
          ],
        },
      },
    );
  }
}
