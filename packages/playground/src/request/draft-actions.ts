import { createMerchantBizId } from "@liveness-kit/core/request";
import type { AppState } from "../shell/app-state.js";
import type { Store } from "../shell/store.js";
import { hashUserId } from "./hash-user-id.js";
import { parseJsonWithSpans } from "./json-spans.js";
import { draftFromValue, formatDraft, type RequestDraft } from "./request-draft.js";

/** Every way the request draft changes: the form, the JSON editor, and the app (samples, history, sends). */
export interface DraftActions {
  /** A form edit; `pinBizId` when the user typed the MerchantBizId (it is then kept after a send). */
  update(patch: Partial<RequestDraft>, options?: { pinBizId?: boolean }): void;
  /** The raw user id as typed: only its SHA-256 is kept. */
  setUserId(userId: string): void;
  /** The JSON editor's text; the draft follows while the text is valid JSON. */
  setJson(text: string): void;
  /**
   * Starts a request from `patch` over the current draft with a fresh MerchantBizId, not pinned: a new id
   * never replays the answer stored for an earlier one. New MerchantBizId, samples, saved requests, re-runs.
   */
  startFresh(patch?: Partial<RequestDraft>): void;
  /** Shows a past request as it was sent, its MerchantBizId pinned (sending it again replays its answer). */
  restore(draft: RequestDraft): void;
  /** After a send that got an answer: a fresh MerchantBizId, unless the user pinned or changed the one sent. */
  renewAfterSend(sent: RequestDraft): void;
}

/** Creates the {@link DraftActions} of the app's store. */
export function createDraftActions(store: Store<AppState>): DraftActions {
  const program = (draft: RequestDraft, bizIdPinned: boolean) =>
    store.set({ draft, draftOrigin: "program", jsonText: formatDraft(draft), bizIdPinned });
  const startFresh = (patch: Partial<RequestDraft> = {}) =>
    program({ ...store.get().draft, ...patch, merchantBizId: createMerchantBizId() }, false);
  const update = (patch: Partial<RequestDraft>, options: { pinBizId?: boolean } = {}) =>
    store.set((state) => {
      const draft = { ...state.draft, ...patch };
      return {
        draft,
        draftOrigin: "form",
        jsonText: formatDraft(draft),
        bizIdPinned: options.pinBizId || state.bizIdPinned,
      };
    });
  return {
    update,
    setUserId(userId) {
      const started = performance.now();
      const merchantUserId = userId === "" ? "" : hashUserId(userId);
      store.set({ hashMs: performance.now() - started });
      update({ merchantUserId });
    },
    setJson: (text) =>
      store.set((state) => {
        const parsed = parseJsonWithSpans(text);
        const draft = parsed.ok ? draftFromValue(parsed.value, state.draft) : state.draft;
        return {
          jsonText: text,
          draft,
          draftOrigin: "json",
          bizIdPinned: state.bizIdPinned || draft.merchantBizId !== state.draft.merchantBizId,
        };
      }),
    startFresh,
    restore: (draft) => program(draft, true),
    renewAfterSend(sent) {
      const { bizIdPinned, draft } = store.get();
      if (!bizIdPinned && draft.merchantBizId === sent.merchantBizId) startFresh();
    },
  };
}
