import { describe, expect, test } from "vitest";
import { initialAppState } from "../shell/app-store.js";
import { createStore } from "../shell/store.js";
import { createDraftActions } from "./draft-actions.js";
import { hashUserId } from "./hash-user-id.js";
import { formatDraft } from "./request-draft.js";

function setup() {
  const store = createStore(initialAppState(undefined));
  return { store, draft: createDraftActions(store) };
}

describe("createDraftActions", () => {
  test("a form edit updates the draft and its JSON; typing the MerchantBizId pins it", () => {
    const { store, draft } = setup();
    draft.update({ faceQualityCheck: false });
    expect(store.get()).toMatchObject({ draftOrigin: "form", bizIdPinned: false });
    expect(store.get().jsonText).toBe(formatDraft(store.get().draft));
    expect(store.get().draft.faceQualityCheck).toBe(false);
    draft.update({ merchantBizId: "mine" }, { pinBizId: true });
    expect(store.get().bizIdPinned).toBe(true);
  });

  test("only the hash of a typed user id is kept", () => {
    const { store, draft } = setup();
    draft.setUserId("alice@example.com");
    expect(store.get().draft.merchantUserId).toBe(hashUserId("alice@example.com"));
    expect(JSON.stringify(store.get())).not.toContain("alice@example.com");
    draft.setUserId("");
    expect(store.get().draft.merchantUserId).toBe("");
  });

  test("the JSON editor's text moves the draft while it is valid; a changed MerchantBizId is pinned", () => {
    const { store, draft } = setup();
    const before = store.get().draft;
    draft.setJson("{ not json");
    expect(store.get()).toMatchObject({ jsonText: "{ not json", draft: before, draftOrigin: "json" });
    draft.setJson(formatDraft({ ...before, merchantBizId: "typed" }));
    expect(store.get().draft.merchantBizId).toBe("typed");
    expect(store.get().bizIdPinned).toBe(true);
  });

  test("startFresh applies a patch with a new, unpinned MerchantBizId; restore pins the one given", () => {
    const { store, draft } = setup();
    draft.update({ merchantBizId: "old" }, { pinBizId: true });
    draft.startFresh({ imageSource: "url", imageUrl: "https://a.test/x.jpg" });
    const fresh = store.get();
    expect(fresh.draft).toMatchObject({ imageSource: "url", imageUrl: "https://a.test/x.jpg" });
    expect(fresh.draft.merchantBizId).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(fresh).toMatchObject({
      bizIdPinned: false,
      draftOrigin: "program",
      jsonText: formatDraft(fresh.draft),
    });
    draft.restore({ ...fresh.draft, merchantBizId: "sent" });
    expect(store.get()).toMatchObject({ bizIdPinned: true, draft: { merchantBizId: "sent" } });
  });

  test("after a send, the MerchantBizId is renewed unless it was pinned or changed meanwhile", () => {
    const { store, draft } = setup();
    const sent = store.get().draft;
    draft.renewAfterSend(sent);
    expect(store.get().draft.merchantBizId).not.toBe(sent.merchantBizId);

    const changed = store.get().draft;
    draft.update({ merchantBizId: "typed-meanwhile" });
    draft.renewAfterSend(changed);
    expect(store.get().draft.merchantBizId).toBe("typed-meanwhile");

    draft.restore({ ...changed, merchantBizId: "pinned" });
    draft.renewAfterSend(store.get().draft);
    expect(store.get().draft.merchantBizId).toBe("pinned");
  });
});
