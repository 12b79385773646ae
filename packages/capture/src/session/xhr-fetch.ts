/**
 * A `fetch` on XMLHttpRequest, because fetch cannot report upload progress. Enough for core's proxy client:
 * method, headers, a string body, an abort signal, and the answer's status, headers and text.
 */
export function xhrFetch(onUpload: (fraction: number) => void) {
  return (url: string, init: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init.method ?? "GET", url);
      for (const [name, value] of new Headers(init.headers).entries()) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onUpload(event.loaded / event.total);
      };
      xhr.onload = () => {
        const headers = new Headers();
        for (const line of xhr
          .getAllResponseHeaders()
          .trim()
          .split(/[\r\n]+/)) {
          const colon = line.indexOf(":");
          if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
        }
        resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers }));
      };
      xhr.onerror = () => reject(new TypeError("Failed to fetch"));
      xhr.ontimeout = () => reject(new TypeError("Failed to fetch"));
      const signal = init.signal;
      if (signal) {
        if (signal.aborted) {
          reject(signal.reason);
          return;
        }
        signal.addEventListener("abort", () => {
          xhr.abort();
          reject(signal.reason);
        });
      }
      xhr.send((init.body as string | null | undefined) ?? null);
    });
}
