import { REQUEST_FIELDS } from "@liveness-kit/contract";
import { createImageCard, type ImageCardActions } from "../image/image-card.js";
import type { AppState } from "../shell/app-state.js";
import { h, replaceChildren } from "../shell/h.js";
import type { Store } from "../shell/store.js";
import { lintRequest } from "./lint-request.js";
import type { RequestDraft } from "./request-draft.js";

/** What the form asks of the app. */
export interface RequestFormActions extends ImageCardActions {
  send(): void;
  newMerchantBizId(): void;
  /** The raw user id as typed: the app hashes it and forgets it. */
  setUserId(userId: string): void;
  updateDraft(patch: Partial<RequestDraft>, options?: { pinBizId?: boolean }): void;
}

/**
 * The request as a form: the face image card, the user id (hashed in the browser, the hash shown), the
 * MerchantBizId (generated, editable), the picture source and FaceQualityCheck. Send is in the request bar.
 */
export function createRequestForm(store: Store<AppState>, actions: RequestFormActions): HTMLElement {
  const userId = h("input", {
    type: "text",
    id: "user-id",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "e.g. user-42",
    "aria-describedby": "user-id-help user-id-hash",
  });
  userId.addEventListener("input", () => actions.setUserId(userId.value));
  const hash = h("code", { class: "hash", "data-testid": "user-id-hash" });
  const userIdError = h("div", { class: "error-text", id: "user-id-error", "aria-live": "polite" });

  const bizId = h("input", {
    type: "text",
    id: "merchant-biz-id",
    autocomplete: "off",
    spellcheck: "false",
    maxlength: 64,
    "aria-describedby": "biz-id-help biz-id-error",
    "data-testid": "merchant-biz-id",
  });
  bizId.addEventListener("input", () =>
    actions.updateDraft({ merchantBizId: bizId.value }, { pinBizId: true }),
  );
  const bizIdError = h("div", { class: "error-text", id: "biz-id-error", "aria-live": "polite" });

  const sourceBase64 = h("input", {
    type: "radio",
    name: "image-source",
    id: "source-base64",
    value: "base64",
  });
  const sourceUrl = h("input", { type: "radio", name: "image-source", id: "source-url", value: "url" });
  for (const radio of [sourceBase64, sourceUrl]) {
    radio.addEventListener("change", () => {
      if (radio.checked) actions.updateDraft({ imageSource: radio.value as RequestDraft["imageSource"] });
    });
  }
  const imageUrl = h("input", {
    type: "url",
    id: "image-url",
    placeholder: "https://example.com/selfie.jpg",
    "aria-describedby": "image-url-error",
  });
  imageUrl.addEventListener("input", () =>
    actions.updateDraft({ imageUrl: imageUrl.value, imageSource: "url" }),
  );
  const imageUrlError = h("div", { class: "error-text", id: "image-url-error", "aria-live": "polite" });

  const quality = h("input", { type: "checkbox", id: "face-quality-check" });
  quality.addEventListener("change", () => actions.updateDraft({ faceQualityCheck: quality.checked }));

  const form = h(
    "form",
    { class: "request-form", "aria-label": "Request", novalidate: true },
    h(
      "div",
      { class: "request-layout" },
      // The photo first: it is what a newcomer came to try, and what takes the longest to prepare.
      createImageCard(store, actions),
      h(
        "div",
        {},
        h(
          "div",
          { class: "field" },
          h("label", { for: "user-id" }, "Your app's user id"),
          userId,
          h(
            "div",
            { class: "help", id: "user-id-help" },
            "Hashed with SHA-256 in your browser; only the hash is sent as MerchantUserId. The id itself is never sent or stored.",
          ),
          h("div", { class: "help", id: "user-id-hash" }, "MerchantUserId (SHA-256): ", hash),
          userIdError,
        ),
        h(
          "div",
          { class: "field" },
          h("label", { for: "merchant-biz-id" }, "MerchantBizId"),
          h(
            "div",
            { class: "row" },
            bizId,
            h(
              "button",
              { type: "button", class: "secondary", onclick: () => actions.newMerchantBizId() },
              "New id",
            ),
          ),
          h("div", { class: "help", id: "biz-id-help" }, REQUEST_FIELDS.merchantBizId.summary),
          bizIdError,
        ),
        h(
          "fieldset",
          {},
          h("legend", {}, "Picture source"),
          h(
            "div",
            { class: "check" },
            sourceBase64,
            " ",
            h("label", { for: "source-base64" }, "The picked photo, sent as base64"),
          ),
          h(
            "div",
            { class: "check" },
            sourceUrl,
            " ",
            h("label", { for: "source-url" }, "A public HTTPS URL"),
          ),
          h(
            "div",
            { class: "field", style: "margin: 8px 0 0" },
            h("label", { for: "image-url" }, "Picture URL"),
            imageUrl,
            imageUrlError,
          ),
        ),
        h(
          "div",
          { class: "field check" },
          quality,
          " ",
          h(
            "label",
            { for: "face-quality-check" },
            "Face quality check (FaceQualityCheck=Y: low-quality photos are rejected)",
          ),
        ),
        h(
          "p",
          { class: "help" },
          "Send is in the bar above (",
          h("kbd", {}, "Ctrl"),
          "+",
          h("kbd", {}, "Enter"),
          " sends from anywhere, ",
          h("kbd", {}, "Escape"),
          " cancels).",
        ),
      ),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    actions.send();
  });

  const setValue = (input: HTMLInputElement, value: string) => {
    // Writing the same value would move the caret of the field being typed in.
    if (input.value !== value) input.value = value;
  };
  const render = (state: AppState) => {
    const { draft } = state;
    setValue(bizId, draft.merchantBizId);
    replaceChildren(hash, draft.merchantUserId || "type a user id");
    sourceBase64.checked = draft.imageSource === "base64";
    sourceUrl.checked = draft.imageSource === "url";
    setValue(imageUrl, draft.imageUrl);
    quality.checked = draft.faceQualityCheck;
    const problems = lintRequest(state.jsonText);
    const problem = (path: string) => problems.find((d) => d.path.join(".") === path)?.message ?? "";
    const show = (input: HTMLInputElement, target: HTMLElement, message: string, showEmpty: boolean) => {
      const visible = message && (showEmpty || input.value !== "") ? message : "";
      target.textContent = visible;
      input.setAttribute("aria-invalid", String(visible !== ""));
    };
    show(bizId, bizIdError, problem("merchantBizId"), false);
    show(userId, userIdError, draft.merchantUserId ? problem("merchantUserId") : "", true);
    show(imageUrl, imageUrlError, draft.imageSource === "url" ? problem("image.url") : "", false);
  };
  store.subscribe(render);
  render(store.get());
  return form;
}

/** Sets the user id field as if typed (samples and re-runs use it); the app hashes it as usual. */
export function fillUserId(form: HTMLElement, userId: string): void {
  const input = form.querySelector<HTMLInputElement>("#user-id");
  if (!input) return;
  input.value = userId;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}
