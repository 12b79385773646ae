import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runEmulatorCli, startEmulatorServer } from "./server.js";
import { faceQuery, signedRequest } from "./test-support/acs-client.js";
import { answered, sendRaw } from "./test-support/raw-http.js";

function collect() {
  const lines: string[] = [];
  return {
    lines,
    io: { out: (text: string) => lines.push(text), err: (text: string) => lines.push(`ERR ${text}`) },
  };
}

describe("startEmulatorServer", () => {
  it("listens on loopback, serves the admin health check, and stops", async () => {
    const running = await startEmulatorServer({ port: 0 });
    expect(running.url).toBe(`http://127.0.0.1:${running.port}`);
    const health = await fetch(`${running.url}/__emulator/health`);
    expect(await health.json()).toMatchObject({ status: "ok" });
    expect(running.emulator.state.endpoint).toBe(`127.0.0.1:${running.port}`);
    await running.close();
    const after = await sendRaw({ url: `${running.url}/healthz`, method: "GET" });
    expect(after.kind).toBe("closed");
  });
});

describe("runEmulatorCli", () => {
  it("prints the usage for --help and exits 0", async () => {
    const { lines, io } = collect();
    expect(await runEmulatorCli(["--help"], {}, io)).toBe(0);
    expect(lines.join("")).toContain("--access-key-secret");
  });

  it("exits 2 on a usage error and 1 when the port is taken", async () => {
    const { lines, io } = collect();
    expect(await runEmulatorCli(["--bogus"], {}, io)).toBe(2);
    expect(lines.join("")).toContain("unknown option --bogus");
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    expect(await runEmulatorCli(["--port", String(port)], {}, io)).toBe(1);
    expect(lines.join("")).toContain("EADDRINUSE");
    blocker.close();
  });

  it("prints the URL and the dev keys, or only the id of configured keys", async () => {
    const dev = collect();
    const running = await runEmulatorCli(["--port", "0"], {}, dev.io);
    if (typeof running === "number") throw new Error("did not start");
    expect(dev.lines.join("")).toContain(running.url);
    expect(dev.lines.join("")).toContain("LTAI5tEmulatorDevKey00001");
    expect(dev.lines.join("")).toContain("emulator-dev-secret-do-not-use-in-production");
    await sendRaw({ url: `${running.url}/`, method: "GET" });
    expect(dev.lines.join("")).toMatch(/ 404 InvalidApi\.NotFound \d+ms/);
    await running.close();

    const own = collect();
    const env = {
      LIVENESS_EMULATOR_ACCESS_KEY_ID: "LTAI5tMine",
      LIVENESS_EMULATOR_ACCESS_KEY_SECRET: "my-own-secret",
    };
    const mine = await runEmulatorCli(["--port", "0", "--quiet"], env, own.io);
    if (typeof mine === "number") throw new Error("did not start");
    await sendRaw({ url: `${mine.url}/`, method: "GET" });
    expect(own.lines.join("")).not.toContain("InvalidApi.NotFound");
    expect(own.lines.join("")).toContain("LTAI5tMine");
    expect(own.lines.join("")).not.toContain("my-own-secret");
    await mine.close();
  });
});

describe("the liveness-emulator command", () => {
  const bin = fileURLToPath(new URL("../bin/liveness-emulator.mjs", import.meta.url));

  function start(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    return new Promise((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
        if (url) resolve({ child, url, output: () => output });
      });
      child.stderr?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
  }

  function exited(child: ChildProcess): Promise<number | null> {
    return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  }

  it("starts, answers, and stops cleanly on SIGTERM even with a request held open", async () => {
    const { child, url, output } = await start(["--port", "0"]);
    expect(output()).toContain("dev keys");
    const health = await fetch(`${url}/__emulator/health`);
    expect(health.status).toBe(200);
    await fetch(`${url}/__emulator/scenarios`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ outcome: "hang" }),
    });
    const held = sendRaw(await signedRequest(url, { query: faceQuery("held1") }));
    for (let i = 0; i < 200; i++) {
      const state = (await (await fetch(`${url}/__emulator/health`)).json()) as { waitingRequests: number };
      if (state.waitingRequests === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const exit = exited(child);
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(output()).toContain("SIGTERM, stopping");
    expect((await held).kind).toBe("closed");
  });

  it("stops on SIGINT", async () => {
    const { child, url } = await start(["--port", "0", "--qps", "off"]);
    expect(answered(await sendRaw({ url: `${url}/healthz`, method: "GET" })).status).toBe(200);
    const exit = exited(child);
    child.kill("SIGINT");
    expect(await exit).toBe(0);
  });
});
