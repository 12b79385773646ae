import { afterEach, describe, expect, test } from "vitest";
import type { ImagePipeline } from "../image/image-pipeline.js";
import { formatDraft } from "../request/request-draft.js";
import type { AppState } from "../shell/app-state.js";
import { initialAppState } from "../shell/app-store.js";
import { createStore } from "../shell/store.js";
import type { HistoryStore } from "./history-store.js";
import { createSendController } from "./send-controller.js";
import { testAnswerBody, testDraft } from "./test-support/send-fixtures.js";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A proxy that answers the first POST at once and never answers the next, unless it is aborted. */
function proxyThatHangsOnTheSecondCall() {
  let posts = 0;
  globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname === "/healthz") return Response.json({ status: "ok" });
    posts++;
    if (posts === 1) return Response.json(testAnswerBody);
    return new Promise<Response>((_, reject) => {
      const abort = () => reject(request.signal.reason);
      if (request.signal.aborted) abort();
      request.signal.addEventListener("abort", abort);
    });
  };
  return { posts: () => posts };
}

describe("createSendController", () => {
  test("a send still saving its history entry does not take Cancel away from the next send", async () => {
    const draft = {
      ...testDraft,
      imageSource: "url" as const,
      imageUrl: "https://images.example.com/face.jpg",
    };
    const state = initialAppState(undefined, { proxyUrl: "http://proxy.test" });
    const store = createStore<AppState>({ ...state, draft, jsonText: formatDraft(draft) });
    const proxy = proxyThatHangsOnTheSecondCall();
    // The first entry is saved only when the test says so; later ones at once.
    let finishSaving: (() => void) | undefined;
    const history = {
      add: () =>
        finishSaving ? Promise.resolve() : new Promise<void>((resolve) => (finishSaving = resolve)),
    } as unknown as HistoryStore;
    const controller = createSendController({
      store,
      pipeline: {} as ImagePipeline,
      history: () => history,
      log: () => {},
      showResult: () => {},
      refreshHistory: async () => {},
      renewMerchantBizId: () => {},
    });

    // The first send is answered and shown; its history entry is still being saved.
    const first = controller.send();
    await expect.poll(() => store.get().result?.answer?.passed).toBe(true);
    expect(store.get().sending).toBe(false);
    // The second starts meanwhile and hangs; then the first finishes saving.
    const second = controller.send({ rerun: true });
    await expect.poll(() => proxy.posts()).toBe(2);
    finishSaving?.();
    await first;
    controller.cancel();
    await expect.poll(() => store.get().result?.failure?.code, { timeout: 5_000 }).toBe("Cancelled");
    await second;
    expect(store.get().sending).toBe(false);
  });
});
