import type { FetchRequest } from "./bad-request-case.js";
import { bearer, freshCallerToken } from "./caller-credentials.js";

/** One part of a hand-made multipart body. */
export interface MultipartPart {
  /** The `name` of Content-Disposition; left out when undefined. */
  name?: string;
  filename?: string;
  contentType?: string;
  /** Replaces the generated part headers entirely (lines without CRLF). */
  rawHeaders?: string[];
  value: string | Uint8Array;
}

/** The boundary of every hand-made body unless a case picks another. */
export const BOUNDARY = "----liveness-security-suite-7d1f";

/**
 * Writes a multipart/form-data body byte by byte (FormData would refuse or repair most of what these cases
 * need): parts as given, the closing delimiter unless `close` is false.
 */
export function multipartBody(
  parts: MultipartPart[],
  options: { boundary?: string; close?: boolean } = {},
): Uint8Array {
  const boundary = options.boundary ?? BOUNDARY;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headers = part.rawHeaders ?? [
      `Content-Disposition: form-data${part.name === undefined ? "" : `; name="${part.name}"`}${
        part.filename === undefined ? "" : `; filename="${part.filename}"`
      }`,
      ...(part.contentType === undefined ? [] : [`Content-Type: ${part.contentType}`]),
    ];
    chunks.push(Buffer.from(`--${boundary}\r\n${headers.join("\r\n")}\r\n\r\n`, "utf8"));
    chunks.push(Buffer.from(part.value));
    chunks.push(Buffer.from("\r\n"));
  }
  if (options.close !== false) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A multipart POST of `body` with a fresh caller token; the content type names `BOUNDARY` unless given. */
export async function multipartRequest(
  body: Uint8Array | string,
  contentType = `multipart/form-data; boundary=${BOUNDARY}`,
): Promise<FetchRequest> {
  return {
    via: "fetch",
    headers: { ...bearer(await freshCallerToken()), "content-type": contentType },
    body,
  };
}
