import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { portraitJpeg } from "@liveness-kit/emulator/portraits";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RequestDraft } from "../../packages/playground/src/request/request-draft.js";
import {
  generateSnippets,
  SNIPPET_LANGUAGES,
} from "../../packages/playground/src/result/snippets/code-snippets.js";
import { STACK } from "../support/stack-urls.js";

// Every snippet of the playground's Code tab, saved under the file name the tab gives and run with the command
// the tab shows, against the local stack: a user's project with `npm i @liveness-kit/core ky esbuild jose` and
// `pip install requests pyjwt[crypto]`, here made of links to the repository's own installs. The "verify on your
// server" snippets take the receipt of a real answer of the stack, as the Code tab shows them for it.
const root = fileURLToPath(new URL("../../", import.meta.url));
const work = join(root, "test-results", `snippets-${process.pid}`);
const bin = join(work, ".bin");
/** `python3` for the PyJWT snippet: the one python3 whose `jwt` verifies ES256. */
const jwtBin = join(work, ".bin-jwt");

/** A python3 that has requests: the one on PATH, else Debian's. */
function pythonWithRequests(): string | undefined {
  for (const candidate of ["python3", "/usr/bin/python3"]) {
    const probe = spawnSync(candidate, ["-c", "import requests"], { stdio: "ignore" });
    if (probe.status === 0) {
      return candidate === "python3"
        ? execFileSync("python3", ["-c", "import sys; print(sys.executable)"]).toString().trim()
        : candidate;
    }
  }
  return undefined;
}
const python = pythonWithRequests();
/** Debian's python3 with python3-jwt and python3-cryptography, for the PyJWT verify snippet. */
const PYJWT_PYTHON = "/usr/bin/python3";
const hasPyJwt =
  spawnSync(PYJWT_PYTHON, ["-c", "import jwt, cryptography"], { stdio: "ignore" }).status === 0;

/** sharp as installed in the workspace (a dependency of wrangler's toolchain), for the compress snippet. */
function findSharp(): string | undefined {
  const store = join(root, "node_modules/.pnpm");
  const dir = readdirSync(store).find((name) => name.startsWith("sharp@"));
  return dir ? join(store, dir, "node_modules/sharp") : undefined;
}
const sharp = findSharp();
/** Why a language cannot run here, if it cannot. */
const missing = (id: string) =>
  id === "python" && !python
    ? "no python3 with requests"
    : id === "node-compress" && !sharp
      ? "sharp is not installed"
      : id === "verify-python" && !hasPyJwt
        ? "no python3-jwt (Debian's python3-jwt and python3-cryptography; .ci/run installs them)"
        : undefined;

function link(target: string, path: string) {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, "package.json"), JSON.stringify({ private: true, type: "module" }));
  link(join(root, "packages/core"), join(work, "node_modules/@liveness-kit/core"));
  link(realpathSync(join(root, "packages/playground/node_modules/ky")), join(work, "node_modules/ky"));
  const esbuild = realpathSync(join(root, "node_modules/esbuild"));
  link(esbuild, join(work, "node_modules/esbuild"));
  link(join(esbuild, "bin/esbuild"), join(work, "node_modules/.bin/esbuild"));
  // `python3` in the snippet's command is one that has requests.
  if (python) link(python, join(bin, "python3"));
  if (sharp) link(sharp, join(work, "node_modules/sharp"));
  link(realpathSync(join(root, "node_modules/jose")), join(work, "node_modules/jose"));
  if (hasPyJwt) link(PYJWT_PYTHON, join(jwtBin, "python3"));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Saves a snippet as its language's file, with face.jpg beside it, and runs the language's command. */
function run(language: (typeof SNIPPET_LANGUAGES)[number], code: string, face?: Uint8Array) {
  if (face) writeFileSync(join(work, "face.jpg"), face);
  writeFileSync(join(work, language.file), code);
  const path = language.id === "verify-python" ? jwtBin : bin;
  const result = spawnSync("bash", ["-c", language.run], {
    cwd: work,
    env: {
      PATH: `${path}:${process.env.PATH ?? ""}`,
      HOME: process.env.HOME ?? work,
      // A pyenv set up in the shell's startup files would put its own python3 first: "system" defers to PATH.
      ...(language.id === "verify-python" ? { PYENV_VERSION: "system" } : {}),
    },
    timeout: 60_000,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The emulator's ledger for an id; a GET retried once if a kept-alive socket was closed under it. */
async function ledgerEntries(merchantBizId: string): Promise<unknown[]> {
  const url = `${STACK.emulator}/__emulator/ledger?merchantBizId=${merchantBizId}`;
  const response = await fetch(url).catch(() => fetch(url));
  return (await response.json()).entries;
}

const draftFor = (merchantBizId: string): RequestDraft => ({
  merchantBizId,
  merchantUserId: createHash("sha256").update(`snippet-user-${merchantBizId}`).digest("hex"),
  imageSource: "base64",
  imageUrl: "",
  faceQualityCheck: true,
});
const freshId = (prefix: string) => `${prefix}${crypto.randomUUID().replaceAll("-", "")}`.slice(0, 32);

const SEND = SNIPPET_LANGUAGES.filter((language) => language.kind === "send");
const VERIFY = SNIPPET_LANGUAGES.filter((language) => language.kind === "verify");

describe.each(SEND.map((language) => [language.label, language] as const))(
  "the %s snippet, run as the Code tab shows it",
  (_label, language) => {
    test.skipIf(missing(language.id) !== undefined)(
      `passes against the local stack and is billed once${missing(language.id) ? ` (skipped: ${missing(language.id)})` : ""}`,
      async () => {
        const merchantBizId = freshId(`sn${language.id.slice(0, 3)}`);
        const code = generateSnippets({
          proxyUrl: STACK.proxy,
          callerKey: STACK.callerKey,
          draft: draftFor(merchantBizId),
        })[language.id];
        // The compress snippet gets the photo as taken (larger than the spec); the others the spec'd one.
        const photo =
          language.id === "node-compress"
            ? portraitJpeg({ width: 960, height: 1280, seed: 11 })
            : portraitJpeg({ seed: 11 });
        const out = run(language, code, photo);
        expect(out.status, out.stderr).toBe(0);
        if (language.id === "curl")
          expect(JSON.parse(out.stdout)).toMatchObject({ merchantBizId, passed: true });
        else expect(out.stdout).toMatch(/^Passed 200 /);
        expect(await ledgerEntries(merchantBizId)).toHaveLength(1);
      },
    );

    test.skipIf(missing(language.id) !== undefined)(
      "shows the proxy's JSON error for a landscape photo",
      () => {
        const code = generateSnippets({
          proxyUrl: STACK.proxy,
          callerKey: STACK.callerKey,
          draft: draftFor(freshId("snbad")),
        })[language.id];
        const out = run(language, code, portraitJpeg({ width: 960, height: 720 }));
        if (language.id === "curl") {
          expect(JSON.parse(out.stdout)).toMatchObject({
            code: expect.any(String),
            message: expect.any(String),
          });
          return;
        }
        expect(out.status).not.toBe(0);
        if (language.id === "typescript") {
          // core's client throws its typed error, whose message is the proxy's.
          expect(out.stderr).toMatch(/portrait|landscape/i);
        } else {
          expect(out.stderr).toMatch(/^HTTP 422 \w+: .+/m);
          expect(out.stderr).toMatch(/portrait|landscape/i);
        }
      },
    );
  },
);

/** A decided answer of the stack, as the playground gets it: with its receipt. */
async function sendForReceipt(draft: RequestDraft): Promise<{ receipt: string; transactionId: string }> {
  const response = await fetch(`${STACK.proxy}/v1/face-liveness`, {
    method: "POST",
    headers: { authorization: `Bearer ${STACK.callerKey}`, "content-type": "application/json" },
    body: JSON.stringify({
      merchantBizId: draft.merchantBizId,
      merchantUserId: draft.merchantUserId,
      image: { base64: Buffer.from(portraitJpeg({ seed: 12 })).toString("base64") },
    }),
  });
  const answer = await response.json();
  expect(response.status, JSON.stringify(answer)).toBe(200);
  return answer;
}

/** The receipt with a claim changed and its signature kept. */
function tamper(receipt: string, patch: Record<string, unknown>): string {
  const [header, body = "", signature] = receipt.split(".");
  const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  return `${header}.${Buffer.from(JSON.stringify({ ...claims, ...patch })).toString("base64url")}.${signature}`;
}

describe.each(VERIFY.map((language) => [language.label, language] as const))(
  "the %s snippet (verify on your server), run as the Code tab shows it for an answer",
  (_label, language) => {
    let draft: RequestDraft;
    let answer: { receipt: string; transactionId: string };
    beforeAll(async () => {
      draft = draftFor(freshId(`sv${language.id.slice(7, 10)}`));
      answer = await sendForReceipt(draft);
    });
    const snippet = (receipt: string, forDraft = draft) =>
      generateSnippets({ proxyUrl: STACK.proxy, callerKey: STACK.callerKey, draft: forDraft, receipt })[
        language.id
      ];

    test.skipIf(missing(language.id) !== undefined)(
      `verifies the receipt against the proxy's key set and prints its claims${missing(language.id) ? ` (skipped: ${missing(language.id)})` : ""}`,
      () => {
        const out = run(language, snippet(answer.receipt));
        expect(out.status, out.stderr).toBe(0);
        const match = /^Verified: passed (\{.*\})$/m.exec(out.stdout);
        expect(match, out.stdout).not.toBeNull();
        expect(JSON.parse(match?.[1] ?? "{}")).toMatchObject({
          iss: new URL(STACK.proxy).origin,
          aud: "liveness-app",
          merchantBizId: draft.merchantBizId,
          merchantUserId: draft.merchantUserId,
          transactionId: answer.transactionId,
          passed: true,
          subCode: "200",
        });
      },
    );

    test.skipIf(missing(language.id) !== undefined)(
      "refuses the receipt with one claim changed, and one of another user's check",
      () => {
        const forged = run(language, snippet(tamper(answer.receipt, { passed: false })));
        expect(forged.status).not.toBe(0);
        expect(forged.stdout).not.toContain("Verified");
        expect(forged.stderr).toMatch(
          /^refused:? (bad_signature|ERR_JWS_SIGNATURE_VERIFICATION_FAILED|InvalidSignatureError)/m,
        );
        const elsewhere = run(
          language,
          snippet(answer.receipt, { ...draft, merchantBizId: freshId("svother") }),
        );
        expect(elsewhere.status).not.toBe(0);
        expect(elsewhere.stderr).toMatch(/refused:? .*not this user's check/);
      },
    );
  },
);
