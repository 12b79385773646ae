/// <reference types="node" />
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { RequestDraft } from "../../request/request-draft.js";
import { generateSnippets, SNIPPET_LANGUAGES } from "./code-snippets.js";
import { pythonLiteral } from "./python-snippet.js";
import { verifyTarget } from "./verify-target.js";

const draft: RequestDraft = {
  merchantBizId: "Abc123",
  merchantUserId: "e".repeat(64),
  imageSource: "base64",
  imageUrl: "https://example.com/it's $HOME.jpg",
  faceQualityCheck: true,
};
const local = { proxyUrl: "http://127.0.0.1:8787/", callerKey: "dev-caller-key", draft };
const dir = mkdtempSync(join(tmpdir(), "snippets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a shell snippet with `curl` replaced by a function that prints its arguments and stdin. */
function runCurl(snippet: string): { args: string[]; body: string } {
  const fakeCurl = 'curl() { printf "%s\\n" "$@" > args.txt; cat > body.txt; }\n';
  execFileSync("bash", ["-c", fakeCurl + snippet], { cwd: dir, env: { PATH: process.env.PATH ?? "" } });
  return {
    args: readFileSync(join(dir, "args.txt"), "utf8").trim().split("\n"),
    body: readFileSync(join(dir, "body.txt"), "utf8"),
  };
}

describe("generateSnippets", () => {
  test("the curl snippet posts the current request with the image read from face.jpg", () => {
    const image = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 250, 251, 252]);
    writeFileSync(join(dir, "face.jpg"), image);
    const { curl } = generateSnippets(local);
    expect(curl).not.toContain("<image>");
    const sent = runCurl(curl);
    expect(sent.args).toContain("http://127.0.0.1:8787/v1/face-liveness");
    expect(sent.args).toContain("Authorization: Bearer dev-caller-key");
    expect(JSON.parse(sent.body)).toEqual({
      merchantBizId: "Abc123",
      merchantUserId: "e".repeat(64),
      image: { base64: image.toString("base64") },
      faceQualityCheck: true,
    });
  });

  test("the curl snippet in URL mode survives quotes and dollars in the URL", () => {
    const { curl } = generateSnippets({ ...local, draft: { ...draft, imageSource: "url" } });
    const sent = runCurl(curl);
    expect(JSON.parse(sent.body).image).toEqual({ url: "https://example.com/it's $HOME.jpg" });
  });

  test("a caller key other than the public dev key never appears in any snippet", () => {
    const secret = "sk_live_do_not_leak";
    const snippets = generateSnippets({ ...local, callerKey: secret });
    for (const code of Object.values(snippets)) expect(code).not.toContain(secret);
    expect(snippets.curl).toContain("$LIVENESS_CALLER_KEY");
  });

  test("the TypeScript snippet uses core's proxy client with the image read from a file", () => {
    const { typescript } = generateSnippets(local);
    expect(typescript).toContain('import { bytesToBase64, createLivenessClient } from "@liveness-kit/core";');
    expect(typescript).toContain('baseUrl: "http://127.0.0.1:8787",');
    expect(typescript).toContain('merchantBizId: "Abc123",');
    expect(typescript).toContain('facePictureBase64: bytesToBase64(await readFile("face.jpg"))');
    const url = generateSnippets({
      ...local,
      draft: { ...draft, imageSource: "url", merchantBizId: "" },
    }).typescript;
    expect(url).toContain(`facePictureUrl: ${JSON.stringify(draft.imageUrl)},`);
    expect(url).not.toContain("merchantBizId");
    expect(url).not.toContain("readFile");
  });

  test("the ky snippet posts JSON with retries on 429/5xx and reads the proxy's JSON error", () => {
    const { ky } = generateSnippets(local);
    expect(ky).toContain('.post("http://127.0.0.1:8787/v1/face-liveness", {');
    expect(ky).toContain('"base64": base64');
    expect(ky).toContain('const callerKey = process.env.LIVENESS_CALLER_KEY ?? "dev-caller-key";');
    expect(ky).toContain('methods: ["post"], statusCodes: [429, 500, 502, 503, 504]');
    expect(ky).toContain("error.data");
    expect(ky).not.toContain("<image>");
  });

  test("every snippet starts with the command that runs it, and Node 20 can run that command", () => {
    const snippets = generateSnippets(local);
    for (const language of SNIPPET_LANGUAGES) {
      expect(snippets[language.id], language.id).toContain(`Run: ${language.run}`);
      expect(language.run, language.id).not.toMatch(/^node \S+\.ts\b/);
    }
    expect(snippets.typescript).toContain("npx esbuild send.ts");
  });

  test("the Python body is a Python literal: True/False/None, strings escaped as JSON does", () => {
    expect(pythonLiteral({ a: true, b: false, c: null, d: 'it\'s "x"\n', e: [1] })).toBe(
      '{\n    "a": True,\n    "b": False,\n    "c": None,\n    "d": "it\'s \\"x\\"\\n",\n    "e": [\n        1,\n    ],\n}',
    );
    const { python } = generateSnippets(local);
    expect(python).toContain('"faceQualityCheck": True,');
    expect(python).toContain('"base64": image,');
  });

  test("the verify snippets take the receipt on screen, pin ES256 and the issuer and audience it names", () => {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const receipt = `${part({ alg: "ES256", kid: "k", typ: "liveness-receipt+jwt" })}.${part({ iss: "https://issuer.example", aud: "shop-backend", merchantBizId: "Abc123" })}.c2ln`;
    const snippets = generateSnippets({ ...local, receipt });
    for (const id of ["verify-core", "verify-jose", "verify-python"] as const) {
      expect(snippets[id], id).toContain(JSON.stringify(receipt));
      expect(snippets[id], id).toContain('"http://127.0.0.1:8787/.well-known/jwks.json"');
      expect(snippets[id], id).toContain('"https://issuer.example"');
      expect(snippets[id], id).toContain('"shop-backend"');
      expect(snippets[id], id).toContain('"e'.padEnd(65, "e"));
    }
    expect(snippets["verify-core"]).toContain(
      'import { createReceiptVerifier } from "@liveness-kit/core/receipt";',
    );
    expect(snippets["verify-jose"]).toContain('algorithms: ["ES256"]');
    expect(snippets["verify-python"]).toContain('algorithms=["ES256"]');
    // Nothing of the request's caller key: verifying needs only public keys.
    for (const id of ["verify-core", "verify-jose", "verify-python"] as const)
      expect(snippets[id]).not.toContain("dev-caller-key");
  });

  test("without a receipt on screen, the verify snippets read one from the command line; defaults pinned", () => {
    const snippets = generateSnippets(local);
    expect(snippets["verify-core"]).toContain("const receipt = process.argv[2];");
    expect(snippets["verify-jose"]).toContain("const receipt = process.argv[2];");
    expect(snippets["verify-python"]).toContain("receipt = sys.argv[1]");
    expect(verifyTarget(local)).toEqual({
      jwksUrl: "http://127.0.0.1:8787/.well-known/jwks.json",
      issuer: "http://127.0.0.1:8787",
      audience: "liveness-app",
      expected: { merchantBizId: "Abc123", merchantUserId: "e".repeat(64) },
    });
  });

  test("the verify snippets parse: node --check and Python's compiler", () => {
    const snippets = generateSnippets(local);
    for (const id of ["verify-core", "verify-jose"] as const) {
      writeFileSync(join(dir, `${id}.mjs`), snippets[id]);
      execFileSync(process.execPath, ["--check", join(dir, `${id}.mjs`)]);
    }
    writeFileSync(join(dir, "verify.py"), snippets["verify-python"]);
    execFileSync("python3", [
      "-c",
      "import ast, sys; ast.parse(open(sys.argv[1]).read())",
      join(dir, "verify.py"),
    ]);
  });
});
