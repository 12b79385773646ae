import type { AddressInfo } from "node:net";
import { createConnection, createServer, type Socket } from "node:net";
import { afterAll } from "vitest";

/**
 * A tiny TCP proxy in front of the emulator: it records every byte a client sends, and can change bytes in
 * transit (`tamper`), so a test can prove that a request signed by someone else's code is verified as sent.
 */
export async function useTapProxy(target: { host: string; port: number }) {
  const captured: Buffer[] = [];
  let tamper: ((chunk: Buffer) => Buffer) | undefined;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: target.host, port: target.port });
    sockets.add(client).add(upstream);
    client.on("data", (chunk: Buffer) => {
      captured.push(Buffer.from(chunk));
      upstream.write(tamper ? tamper(chunk) : chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return {
    port: (server.address() as AddressInfo).port,
    /** Everything clients sent since the last `clear()`. */
    captured: () => Buffer.concat(captured),
    clear: () => {
      captured.length = 0;
    },
    /** Changes each chunk a client sends (undefined: pass bytes through). */
    setTamper: (change: ((chunk: Buffer) => Buffer) | undefined) => {
      tamper = change;
    },
  };
}

/** Sends raw bytes over a fresh connection and reads one HTTP answer: status line and body. */
export function replay(
  target: { host: string; port: number },
  bytes: Buffer,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: target.host, port: target.port }, () => socket.write(bytes));
    let received = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf("\r\n\r\n");
      if (end < 0) return;
      const head = received.subarray(0, end).toString("latin1");
      const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      socket.destroy();
      resolve({
        status: Number(head.split(" ")[1]),
        body: received.subarray(end + 4, end + 4 + length).toString("utf8"),
      });
    });
    socket.on("error", reject);
  });
}
