import { base64ToBytes } from "@liveness-kit/core/image";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { page, userEvent } from "vitest/browser";
import { generateSampleImage } from "./image/sample-image.js";
import { receiptClaims, tamper, testSigner } from "./receipt/test-support/sign-test-receipt.js";
import { hashUserId } from "./request/hash-user-id.js";
import { ATTACK_SAMPLE_USER_ID } from "./request/samples.js";

// The whole playground in real Chromium with `fetch` answered in-page, standing in for the proxy: the
// user's path from picking a photo to reading the result, driven the way the end-to-end suite drives it.

interface Sent {
  url: string;
  headers: Headers;
  body: Record<string, unknown>;
}
const sent: Sent[] = [];
let proxyDown = false;
/** "hang": the proxy never answers; "503-then-hang": a 503 first, then no answer. */
let stall: "no" | "hang" | "503-then-hang" = "no";
let stalled = 0;
/** The proxy's receipt key, and one it does not publish; how the next answer's receipt is made. */
let signer: Awaited<ReturnType<typeof testSigner>>;
let stranger: Awaited<ReturnType<typeof testSigner>>;
let receiptMode: "good" | "tampered" | "unknown-key" = "good";

/** A request that never gets an answer: it ends only when the page aborts it. */
function never(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    const abort = () => reject(request.signal.reason ?? new DOMException("Aborted", "AbortError"));
    if (request.signal.aborted) abort();
    request.signal.addEventListener("abort", abort);
  });
}

async function fakeProxy(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (proxyDown) throw new TypeError("Failed to fetch");
  if (url.pathname === "/healthz") return Response.json({ status: "ok", requestId: "h1" });
  if (url.pathname === "/.well-known/jwks.json") return Response.json(signer.jwks);
  if (url.pathname === "/v1/face-liveness" && request.method === "POST" && stall !== "no") {
    stalled++;
    if (stall === "503-then-hang" && stalled === 1)
      return Response.json(
        { code: "upstream_unavailable", message: "busy", retryable: true },
        { status: 503 },
      );
    return never(request);
  }
  if (url.pathname === "/v1/face-liveness" && request.method === "POST") {
    const body = (await request.json()) as Record<string, unknown>;
    sent.push({ url: request.url, headers: request.headers, body });
    // The emulator's rule as npm start sets it: keyed by the Attack sample's hashed user id.
    const attack = body.merchantUserId === hashUserId(ATTACK_SAMPLE_USER_ID);
    const claims = receiptClaims(Math.floor(Date.now() / 1000), {
      merchantBizId: String(body.merchantBizId),
      merchantUserId: String(body.merchantUserId),
      passed: !attack,
      subCode: attack ? "205" : "200",
    });
    const signed = await (receiptMode === "unknown-key" ? stranger : signer).sign(claims);
    const receipt = receiptMode === "tampered" ? tamper(signed, { passed: false }) : signed;
    return Response.json(
      {
        requestId: `r${sent.length}`,
        merchantBizId: body.merchantBizId,
        transactionId: "t1",
        passed: !attack,
        subCode: attack ? "205" : "200",
        face: {
          qualityScore: 88.6,
          occlusionScore: 99.9,
          keyAreaOcclusionScore: 100,
          illuminationScore: 97.4,
          sharpnessScore: 60.8,
          attack,
          age: 30,
          gender: "F",
        },
        upstream: { requestId: "u1", region: "ap-southeast-1" },
        receipt,
      },
      {
        headers: {
          "server-timing": "validate;dur=2, sign;dur=1, upstream;dur=40",
          "x-request-id": `r${sent.length}`,
        },
      },
    );
  }
  return new Response("{}", { status: 404 });
}

const card = () => document.querySelector<HTMLElement>("[data-testid=image-card]")!;
const text = (testId: string) => document.querySelector(`[data-testid=${testId}]`)?.textContent ?? "";

beforeAll(async () => {
  [signer, stranger] = await Promise.all([testSigner(), testSigner()]);
  localStorage.clear();
  globalThis.fetch = fakeProxy as typeof fetch;
  document.body.innerHTML = '<div id="app"></div>';
  await import("./main.js");
});

describe("the playground, end to end in the page", () => {
  test("pick a 12 MP portrait, see the compression figures, type a user id, send, read Passed", async () => {
    const photo = await generateSampleImage({ width: 3000, height: 4000 });
    const input = page.getByLabelText(/image/i);
    await userEvent.upload(input, new File([photo], "selfie.jpg", { type: "image/jpeg" }));
    await expect.poll(() => card().dataset.state, { timeout: 20_000 }).toBe("ready");
    expect(text("compress-before-dimensions")).toBe("3000x4000 px");
    expect(text("compress-after-dimensions")).toBe("720x960 px");
    expect(
      Number(document.querySelector("[data-testid=compress-after-bytes]")?.getAttribute("data-bytes")),
    ).toBeLessThanOrEqual(600 * 1024);
    expect(text("compress-time")).toMatch(/^\d+ ms$/);
    expect(
      document.querySelector("[data-testid=preflight-before-resolution]")?.getAttribute("data-status"),
    ).toBe("fail");
    expect(
      document.querySelector("[data-testid=preflight-after-resolution]")?.getAttribute("data-status"),
    ).toBe("pass");

    await userEvent.fill(page.getByLabelText(/user id/i), "alice@example.com");
    expect(text("user-id-hash")).toBe(hashUserId("alice@example.com"));
    await page.getByRole("button", { name: "Send", exact: true }).click();

    await expect.poll(() => text("result-badge"), { timeout: 10_000 }).toBe("Passed");
    const request = sent.at(-1)!;
    expect(request.url).toBe("http://127.0.0.1:8787/v1/face-liveness");
    expect(request.headers.get("authorization")).toBe("Bearer dev-caller-key");
    expect(request.body.merchantUserId).toBe(hashUserId("alice@example.com"));
    expect(request.body.merchantBizId).toMatch(/^[A-Za-z0-9]{32}$/);
    const image = request.body.image as { base64: string };
    const sentBytes = base64ToBytes(image.base64);
    expect(sentBytes.length).toBe(
      Number(document.querySelector("[data-testid=compress-after-bytes]")?.getAttribute("data-bytes")),
    );
    // The raw user id never leaves the page, nor is it kept.
    expect(JSON.stringify(request.body)).not.toContain("alice");
    expect(JSON.stringify(localStorage)).not.toContain("alice");
    expect(text("result-subcode")).toContain("200");
    expect(text("result-attack")).toBe("No");
    expect(text("status-latency")).toMatch(/^Last: \d+ ms$/);
    expect(text("status-region")).toBe("Region: ap-southeast-1");
    // The history keeps the request without image bytes.
    await expect.poll(() => document.querySelectorAll("[data-testid=history-item]").length).toBe(1);
  });

  test("the next request gets a fresh MerchantBizId, so it is not answered from the proxy's store", async () => {
    const first = sent.at(-1)!.body.merchantBizId;
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => sent.length).toBe(2);
    expect(sent[1]!.body.merchantBizId).not.toBe(first);
  });

  test("the attack sample answers Not passed, with the attack flag", async () => {
    await page.getByTestId("sample-attack").click();
    await expect.poll(() => card().dataset.imageName, { timeout: 20_000 }).toBe("sample-attack.jpg");
    await expect.poll(() => card().dataset.state, { timeout: 20_000 }).toBe("ready");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => text("result-badge"), { timeout: 10_000 }).toBe("Not passed");
    expect(text("result-attack")).toMatch(/^Yes/);
    const first = sent.at(-1)!.body.merchantBizId;
    // Loaded again, the sample runs again with a fresh MerchantBizId (no replay of the first answer).
    await page.getByTestId("sample-attack").click();
    await expect.poll(() => card().dataset.state, { timeout: 20_000 }).toBe("ready");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => sent.at(-1)!.body.merchantBizId, { timeout: 10_000 }).not.toBe(first);
    await expect.poll(() => text("result-badge"), { timeout: 10_000 }).toBe("Not passed");
  });

  test("a landscape photo is flagged before sending and is not sent", async () => {
    const count = sent.length;
    await page.getByTestId("sample-landscape").click();
    await expect.poll(() => card().dataset.imageName, { timeout: 20_000 }).toBe("sample-landscape.jpg");
    await expect.poll(() => card().dataset.state, { timeout: 20_000 }).toBe("ready");
    expect(
      document.querySelector("[data-testid=preflight-after-portrait]")?.getAttribute("data-status"),
    ).toBe("fail");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => text("not-sent")).toContain("Portrait");
    expect(sent.length).toBe(count);
  });

  test("with the proxy down, the error says so and what to do", async () => {
    await page.getByTestId("sample-pass").click();
    await expect.poll(() => card().dataset.imageName, { timeout: 20_000 }).toBe("sample-pass.jpg");
    await expect.poll(() => card().dataset.state, { timeout: 20_000 }).toBe("ready");
    proxyDown = true;
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => text("error-code"), { timeout: 20_000 }).toBe("ProxyUnreachable");
    expect(text("error-message")).toContain("the proxy is down");
    expect(text("error-action")).toContain("npm start");
    proxyDown = false;
  });

  test("the history keeps no face thumbnail unless turned on, and says exactly what it stores", async () => {
    await expect
      .poll(() => document.querySelectorAll("[data-testid=history-item]").length)
      .toBeGreaterThan(0);
    expect(text("history-stored")).toContain("No image bytes");
    expect(text("history-stored")).toContain("Face thumbnails: off");
    expect(document.querySelector("[data-testid=history-item] img")).toBeNull();

    document.querySelector<HTMLInputElement>("#setting-keep-thumbnails")!.click();
    await expect.poll(() => text("history-stored")).toContain("Face thumbnails: on");
    const count = sent.length;
    await page.getByTestId("sample-pass").click();
    await expect.poll(() => card().dataset.imageName, { timeout: 20_000 }).toBe("sample-pass.jpg");
    await expect.poll(() => card().dataset.state, { timeout: 20_000 }).toBe("ready");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBe(count + 1);
    // The entry of this send (the newest) carries the thumbnail; entries of earlier sends do not.
    const id = String(sent.at(-1)!.body.merchantBizId);
    await expect
      .poll(() => document.querySelector("[data-testid=history-item]")?.textContent?.includes(id), {
        timeout: 10_000,
      })
      .toBe(true);
    const newest = document.querySelector("[data-testid=history-item] img");
    expect(newest?.getAttribute("src")).toMatch(/^data:image\/jpeg;base64,/);
    expect(document.querySelectorAll("[data-testid=history-item] img")).toHaveLength(1);
    document.querySelector<HTMLInputElement>("#setting-keep-thumbnails")!.click();
    // Turned off again: the stored thumbnails go too.
    await expect.poll(() => document.querySelector("[data-testid=history-item] img")).toBeNull();
  });

  test("while sending, the result area says so (elapsed, attempt) instead of the last result; Escape cancels", async () => {
    await page.getByTestId("sample-pass").click();
    await expect.poll(() => card().dataset.imageName, { timeout: 20_000 }).toBe("sample-pass.jpg");
    await expect.poll(() => card().dataset.state, { timeout: 20_000 }).toBe("ready");
    expect(document.querySelector("[data-testid=result-badge]")).not.toBeNull();
    stall = "hang";
    stalled = 0;
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => text("sending")).toContain("Sending");
    expect(document.querySelector("[data-testid=result-badge]")).toBeNull();
    expect(text("sending-attempt")).toBe("attempt 1 of up to 3");
    await expect.poll(() => Number.parseFloat(text("sending-elapsed"))).toBeGreaterThanOrEqual(0.3);
    expect(text("send")).toBe("Cancel");
    await userEvent.keyboard("{Escape}");
    await expect.poll(() => text("error-code")).toBe("Cancelled");
    expect(text("error-message")).toMatch(/after \d+\.\d s \(attempt 1\)/);
    expect(text("send")).toBe("Send");
    expect(document.querySelector("[data-testid=sending]")).toBeNull();
  });

  test("a retry shows its attempt number, and the Cancel button stops it", async () => {
    stall = "503-then-hang";
    stalled = 0;
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => text("sending-attempt"), { timeout: 10_000 }).toBe("attempt 2 of up to 3");
    document.querySelector<HTMLButtonElement>("[data-testid=cancel-send]")!.click();
    await expect.poll(() => text("error-code")).toBe("Cancelled");
    expect(text("error-message")).toContain("(attempt 2)");
    stall = "no";
  });

  test("Ctrl+Shift+M shows the problems of request.json", async () => {
    await userEvent.keyboard("{Control>}{Shift>}M{/Shift}{/Control}");
    await expect
      .poll(() => document.querySelector("#panel-tab-problems")?.getAttribute("aria-selected"))
      .toBe("true");
    expect(document.querySelector<HTMLElement>("#panel-panel-problems")?.hidden).toBe(false);
    expect(text("problems")).toMatch(/No problems|Error|Warning/);
  });

  test("URL mode shows what will be sent: the URL, not the previous picture, its checklist or its size", async () => {
    await page.getByTestId("sample-url").click();
    await expect.poll(() => card().dataset.source).toBe("url");
    const note = document.querySelector<HTMLElement>("[data-testid=url-mode-note]")!;
    expect(note.hidden).toBe(false);
    expect(note.textContent).toContain("https://example.com/selfie.jpg");
    expect(document.querySelector<HTMLElement>("[data-testid=image-status]")!.hidden).toBe(true);
    expect(text("status-image-bytes")).toBe("Image: by URL");
    await page.getByTestId("sample-pass").click();
    await expect.poll(() => card().dataset.source).toBe("base64");
    expect(note.hidden).toBe(true);
  });

  test("environments: add one, switch from the status bar, kept in localStorage", async () => {
    expect(text("status-environment")).toBe("Env: Local stack");
    const localUrl = (document.querySelector("#setting-proxy-url") as HTMLInputElement).value;
    document.querySelector<HTMLButtonElement>("[data-testid=environment-new]")!.click();
    await expect.poll(() => text("status-environment")).toBe("Env: Environment 2");
    const name = document.querySelector<HTMLInputElement>("#environment-name")!;
    name.value = "Staging";
    name.dispatchEvent(new Event("change"));
    const url = document.querySelector<HTMLInputElement>("#setting-proxy-url")!;
    url.value = "https://staging.example.com";
    url.dispatchEvent(new Event("change"));
    await expect.poll(() => text("status-environment")).toBe("Env: Staging");
    const stored = JSON.parse(localStorage.getItem("liveness-playground.environments") ?? "{}");
    expect(stored.list.map((env: { name: string; proxyUrl: string }) => [env.name, env.proxyUrl])).toEqual([
      ["Local stack", localUrl],
      ["Staging", "https://staging.example.com"],
    ]);
    // The status bar opens the palette on the environments; choosing one switches URL and key together.
    document.querySelector<HTMLButtonElement>("[data-testid=status-environment]")!.click();
    await expect
      .poll(() => document.querySelector<HTMLDialogElement>("[data-testid=command-palette]")?.open)
      .toBe(true);
    expect((document.querySelector("[data-testid=palette-input]") as HTMLInputElement).value).toBe(
      "environment ",
    );
    await userEvent.keyboard("local{Enter}");
    await expect.poll(() => text("status-environment")).toBe("Env: Local stack");
    expect(url.value).toBe(localUrl);
    expect((document.querySelector("[data-testid=request-url]") as HTMLInputElement).value).toBe(
      `${localUrl}/v1/face-liveness`,
    );
  });

  test("the Code tab shows the request that was sent, and each history entry its own snippets", async () => {
    await page.getByTestId("sample-pass").click();
    await expect.poll(() => card().dataset.state, { timeout: 20_000 }).toBe("ready");
    const count = sent.length;
    const entries = document.querySelectorAll("[data-testid=history-item]").length;
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBe(count + 1);
    await expect.poll(() => document.querySelectorAll("[data-testid=history-item]").length).toBe(entries + 1);
    await expect.poll(() => text("result-badge")).toBe("Passed");
    const sentId = String(sent.at(-1)!.body.merchantBizId);
    const nextId = (document.querySelector("#merchant-biz-id") as HTMLInputElement).value;
    expect(nextId).not.toBe(sentId);

    document.querySelector<HTMLButtonElement>("#panel-tab-code")!.click();
    // Each choice reads as a radio with its label beside it (the row's inputs used to stretch across the panel).
    for (const id of ["snippet-sent", "snippet-next"]) {
      const radio = document.getElementById(id)!.getBoundingClientRect();
      const label = document.querySelector(`label[for=${id}]`)!.getBoundingClientRect();
      expect(radio.width).toBeLessThan(24);
      expect(label.left - radio.right).toBeGreaterThanOrEqual(0);
      expect(label.left - radio.right).toBeLessThan(16);
    }
    expect(text("code-curl")).toContain(sentId);
    expect(text("code-python")).toContain(sentId);
    expect(text("code-curl")).not.toContain(nextId);
    expect(text("code-source")).toContain(sentId);
    document.querySelector<HTMLInputElement>("#snippet-next")!.click();
    await expect.poll(() => text("code-curl")).toContain(nextId);

    let copied = "";
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: {
        writeText: async (value: string) => {
          copied = value;
        },
      },
    });
    const newest = document.querySelector("[data-testid=history-item]")!;
    newest.querySelector<HTMLButtonElement>("button[aria-label^='Copy as curl']")!.click();
    await expect.poll(() => copied).toContain(sentId);
    expect(copied).toContain("curl -sS -X POST");
  });

  test("the image to send downloads as face.jpg, byte for byte what would be sent", async () => {
    await page.getByTestId("sample-pass").click();
    await expect.poll(() => card().dataset.state, { timeout: 20_000 }).toBe("ready");
    const clicked: string[] = [];
    const blobs: Blob[] = [];
    const originalClick = HTMLAnchorElement.prototype.click;
    const originalUrl = URL.createObjectURL;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return "blob:captured";
    };
    try {
      document.querySelector<HTMLButtonElement>("[data-testid=download-sent-image]")!.click();
    } finally {
      HTMLAnchorElement.prototype.click = originalClick;
      URL.createObjectURL = originalUrl;
    }
    expect(clicked).toEqual(["face.jpg"]);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    const expected = Number(
      document.querySelector("[data-testid=compress-after-bytes]")?.getAttribute("data-bytes"),
    );
    expect(bytes.length).toBe(expected);
    expect([...bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  test("saved requests: save, rename, duplicate, delete, open; kept in localStorage", async () => {
    await page.getByTestId("sample-url").click();
    await expect.poll(() => card().dataset.source).toBe("url");
    document.querySelector<HTMLButtonElement>("[data-testid=save-request]")!.click();
    await expect.poll(() => document.querySelectorAll("[data-testid=saved-item]").length).toBe(1);
    const name = document.querySelector<HTMLInputElement>("[data-testid=saved-name]")!;
    name.value = "By URL";
    name.dispatchEvent(new Event("change"));
    document.querySelector<HTMLButtonElement>("[aria-label='Duplicate By URL']")!.click();
    const names = () =>
      [...document.querySelectorAll<HTMLInputElement>("[data-testid=saved-name]")].map(
        (input) => input.value,
      );
    await expect.poll(names).toEqual(["By URL", "By URL (copy)"]);
    document.querySelector<HTMLButtonElement>("[aria-label='Delete By URL (copy)']")!.click();
    await expect.poll(names).toEqual(["By URL"]);
    const stored = JSON.parse(localStorage.getItem("liveness-playground.collection") ?? "[]");
    expect(
      stored.map((item: { name: string; draft: { imageUrl: string } }) => [item.name, item.draft.imageUrl]),
    ).toEqual([["By URL", "https://example.com/selfie.jpg"]]);
    expect(JSON.stringify(stored)).not.toContain("sample-user-url");

    await page.getByTestId("sample-pass").click();
    await expect.poll(() => card().dataset.source).toBe("base64");
    const before = (document.querySelector("#merchant-biz-id") as HTMLInputElement).value;
    document.querySelector<HTMLButtonElement>("[aria-label='Open By URL']")!.click();
    await expect.poll(() => card().dataset.source).toBe("url");
    expect((document.querySelector("#image-url") as HTMLInputElement).value).toBe(
      "https://example.com/selfie.jpg",
    );
    expect((document.querySelector("#merchant-biz-id") as HTMLInputElement).value).not.toBe(before);
  });

  test("the history can be searched and filtered by outcome", async () => {
    const items = () => document.querySelectorAll("[data-testid=history-item]").length;
    const all = items();
    expect(all).toBeGreaterThan(2);
    const outcome = document.querySelector<HTMLSelectElement>("[data-testid=history-outcome]")!;
    outcome.value = "not-passed";
    outcome.dispatchEvent(new Event("input"));
    const notPassed = items();
    expect(notPassed).toBeGreaterThan(0);
    expect(notPassed).toBeLessThan(all);
    for (const summary of document.querySelectorAll("[data-testid=history-item] .summary"))
      expect(summary.textContent).toMatch(/^Not passed/);
    outcome.value = "all";
    outcome.dispatchEvent(new Event("input"));
    const search = document.querySelector<HTMLInputElement>("[data-testid=history-search]")!;
    search.value = String(sent.at(-1)!.body.merchantBizId);
    search.dispatchEvent(new Event("input"));
    expect(items()).toBe(1);
    search.value = "no-such-thing-anywhere";
    search.dispatchEvent(new Event("input"));
    expect(items()).toBe(0);
    expect(text("history-list")).toContain("match");
    search.value = "";
    search.dispatchEvent(new Event("input"));
    expect(items()).toBe(all);
  });

  test("the Receipt tab: the answer's receipt decoded, Signature verified against the proxy's key set", async () => {
    await page.getByTestId("sample-pass").click();
    await expect.poll(() => card().dataset.state, { timeout: 20_000 }).toBe("ready");
    const count = sent.length;
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBe(count + 1);
    await expect.poll(() => text("result-badge")).toBe("Passed");
    expect(text("result-receipt-hint")).toContain("Receipt tab");
    document.querySelector<HTMLButtonElement>("#panel-tab-receipt")!.click();
    await expect.poll(() => text("receipt-verdict"), { timeout: 10_000 }).toBe("Signature verified");
    expect(document.querySelector("[data-testid=receipt-status]")?.getAttribute("data-status")).toBe(
      "verified",
    );
    const claim = (name: string) =>
      document.querySelector(`[data-testid=receipt-claims] tr[data-claim=${name}] td`)?.textContent;
    const body = sent.at(-1)!.body;
    expect(claim("merchantBizId")).toBe(body.merchantBizId);
    expect(claim("merchantUserId")).toBe(body.merchantUserId);
    expect(claim("transactionId")).toBe("t1");
    expect(claim("passed")).toBe("true");
    expect(claim("exp")).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in (10 min|9 min \d+ s); \d+\)$/);
    expect(document.querySelector("[data-testid=receipt-header] tr[data-claim=kid] td")?.textContent).toBe(
      signer.kid,
    );
    expect(document.querySelector("[data-testid=receipt-match]")?.getAttribute("data-match")).toBe("true");
    // A deployment's own key (not the committed dev key): no dev-key warning.
    expect(document.querySelector("[data-testid=receipt-dev-key]")).toBeNull();
    expect(text("receipt-not-proof")).toContain("Your app's server must verify the receipt itself");
  });

  test("opened again after the receipt's life, the tab checks again and says it has expired", async () => {
    document.querySelector<HTMLButtonElement>("#panel-tab-response")!.click();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 11 * 60_000);
      document.querySelector<HTMLButtonElement>("#panel-tab-receipt")!.click();
      await expect
        .poll(() => text("receipt-verdict"), { timeout: 10_000 })
        .toBe("Signature verified, but the receipt has expired");
      expect(document.querySelector("[data-testid=receipt-status]")?.getAttribute("data-status")).toBe(
        "expired",
      );
      expect(text("receipt-detail")).toMatch(/ended 1 min ago: an app's server would refuse it now/);
    } finally {
      vi.useRealTimers();
    }
  });

  test("a tampered receipt and one signed with an unknown key: not verified, and why", async () => {
    for (const [mode, reason, title] of [
      ["tampered", "bad_signature", "Not verified: the signature does not match"],
      ["unknown-key", "unknown_key", `Not verified: the key "${stranger.kid}" is not in the proxy's key set`],
    ] as const) {
      receiptMode = mode;
      const count = sent.length;
      await userEvent.keyboard("{Control>}{Enter}{/Control}");
      await expect.poll(() => sent.length, { timeout: 10_000 }).toBe(count + 1);
      await expect
        .poll(() => document.querySelector("[data-testid=receipt-status]")?.getAttribute("data-reason"), {
          timeout: 10_000,
        })
        .toBe(reason);
      expect(text("receipt-verdict")).toBe(title);
      // The tampered receipt says passed false while the answer says Passed: the view points at it too.
      if (mode === "tampered") expect(text("receipt-match")).toContain("passed: false ≠ true");
    }
    receiptMode = "good";
  });

  test("an error answer has no receipt, and the Receipt tab says why", async () => {
    proxyDown = true;
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => text("error-code"), { timeout: 20_000 }).toBe("ProxyUnreachable");
    proxyDown = false;
    await expect.poll(() => text("receipt-none")).toMatch(/only decided answers.*\(ProxyUnreachable\)/);
  });
});
