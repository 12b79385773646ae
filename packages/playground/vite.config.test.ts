/// <reference types="node" />
import { rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// The playground's dev server, started from its own config on a free port, asked for files it must not serve.
const here = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const planted = [`${here}.dev.vars`, `${here}.env.local`, `${here}local.vars`];
let server: ViteDevServer;
let base: string;

beforeAll(async () => {
  for (const file of planted) writeFileSync(file, "SECRET=planted-by-the-test\n");
  server = await createServer({
    configFile: `${here}vite.config.ts`,
    root: here,
    logLevel: "silent",
    server: { port: 0, strictPort: false, host: "127.0.0.1" },
  });
  await server.listen();
  const address = server.httpServer?.address() as AddressInfo | null | undefined;
  if (!address) throw new Error("the dev server did not listen");
  base = `http://127.0.0.1:${address.port}`;
}, 30_000);

afterAll(async () => {
  await server?.close();
  for (const file of planted) rmSync(file, { force: true });
});

const get = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text() };
};

describe("the dev server's file serving", () => {
  test("the proxy's dev.vars is refused", async () => {
    const answer = await get(`/@fs${repoRoot}packages/edge-proxy/dev.vars`);
    expect(answer.status).toBe(403);
    expect(answer.text).not.toContain("CALLER_KEYS");
  });

  test.each(planted.map((file) => [file.slice(here.length)]))(
    "%s is refused, even inside the package",
    async (name) => {
      for (const path of [`/${name}`, `/@fs${here}${name}`]) {
        const answer = await get(path);
        expect(answer.status, path).toBe(403);
        expect(answer.text, path).not.toContain("planted-by-the-test");
      }
    },
  );

  test("files outside the playground, core and the dependencies are refused", async () => {
    expect((await get(`/@fs${repoRoot}package.json`)).status).toBe(403);
    expect((await get(`/@fs${repoRoot}packages/edge-proxy/wrangler.jsonc`)).status).toBe(403);
  });

  test("what the playground needs is still served", async () => {
    expect((await get("/")).status).toBe(200);
    expect((await get("/src/main.ts")).status).toBe(200);
    expect((await get(`/@fs${repoRoot}packages/core/package.json`)).status).toBe(200);
    // The capture component's face detector model, loaded from this origin when the camera starts.
    const model = `/@fs${repoRoot}packages/capture/dist/detector/assets/tiny_face_detector_model.bin`;
    expect((await get(model)).status).toBe(200);
  });
});
