import { request as httpRequest } from "node:http";

/** A request sent byte for byte as given (Host header included), unlike fetch. */
export interface RawRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  /** Give up (destroy the socket) after this many ms. */
  timeoutMs?: number;
  /** Give up (destroy the socket) when this aborts. */
  signal?: AbortSignal;
}

/** The answer, or how the connection ended without one. */
export type RawResponse =
  | { kind: "response"; status: number; headers: Record<string, string>; text: string; json: () => unknown }
  | { kind: "closed"; error: string }
  | { kind: "timeout" }
  | { kind: "aborted" };

/** Sends a request over node:http and reads the whole answer. Never rejects. */
export function sendRaw(raw: RawRequest): Promise<RawResponse> {
  return new Promise((resolve) => {
    const url = new URL(raw.url);
    const body = typeof raw.body === "string" ? new TextEncoder().encode(raw.body) : raw.body;
    const req = httpRequest(
      {
        host: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: raw.method ?? "POST",
        headers: { ...(body ? { "content-length": String(body.byteLength) } : {}), ...raw.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (error) => resolve({ kind: "closed", error: error.message }));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
          }
          resolve({
            kind: "response",
            status: res.statusCode ?? 0,
            headers,
            text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    let gaveUp = false;
    if (raw.timeoutMs !== undefined) {
      req.setTimeout(raw.timeoutMs, () => {
        gaveUp = true;
        req.destroy();
        resolve({ kind: "timeout" });
      });
    }
    raw.signal?.addEventListener("abort", () => {
      gaveUp = true;
      req.destroy();
      resolve({ kind: "aborted" });
    });
    req.on("error", (error) => {
      if (!gaveUp) resolve({ kind: "closed", error: error.message });
    });
    if (body) req.write(body);
    req.end();
  });
}

/** The answer of a request that must have been answered (throws otherwise). */
export function answered(response: RawResponse): Extract<RawResponse, { kind: "response" }> {
  if (response.kind !== "response") throw new Error(`expected an answer, got ${JSON.stringify(response)}`);
  return response;
}
