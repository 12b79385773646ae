import { h, replaceChildren } from "../shell/h.js";
import type { SavedRequest } from "./collection.js";

/** What the collection section asks of the app. */
export interface CollectionActions {
  saveCurrent(): void;
  open(item: SavedRequest): void;
  rename(item: SavedRequest, name: string): void;
  duplicate(item: SavedRequest): void;
  remove(item: SavedRequest): void;
}

/**
 * The Explorer's "Saved requests": the current request saved under a name (editable in place), opened,
 * duplicated or deleted. Kept in this browser's localStorage: fields only, the user id as its hash, no image.
 */
export function createCollectionView(actions: CollectionActions): {
  element: HTMLElement;
  render(items: readonly SavedRequest[]): void;
} {
  const list = h("ul", { class: "item-list", "aria-labelledby": "saved-title", "data-testid": "saved-list" });
  const element = h(
    "section",
    { "aria-labelledby": "saved-title" },
    h("h3", { id: "saved-title" }, "Saved requests"),
    h(
      "p",
      { class: "hint" },
      "Kept in this browser: the fields, the user id as its SHA-256, no image. Opening one gives it a fresh MerchantBizId.",
    ),
    h(
      "button",
      { type: "button", class: "small", "data-testid": "save-request", onclick: () => actions.saveCurrent() },
      "Save the current request",
    ),
    list,
  );
  const render = (items: readonly SavedRequest[]) => {
    if (items.length === 0) {
      replaceChildren(list, h("li", { class: "hint" }, "None yet."));
      return;
    }
    replaceChildren(
      list,
      ...items.map((item) => {
        const name = h("input", {
          type: "text",
          value: item.name,
          maxlength: 80,
          "aria-label": `Name of the saved request ${item.name}`,
          "data-testid": "saved-name",
        });
        name.addEventListener("change", () => actions.rename(item, name.value));
        const button = (label: string, text: string, onclick: () => void) =>
          h(
            "button",
            { type: "button", class: "small", "aria-label": `${label} ${item.name}`, onclick },
            text,
          );
        return h(
          "li",
          { class: "saved-item", "data-testid": "saved-item" },
          name,
          h(
            "div",
            { class: "actions" },
            button("Open", "Open", () => actions.open(item)),
            button("Duplicate", "Duplicate", () => actions.duplicate(item)),
            button("Delete", "Delete", () => actions.remove(item)),
          ),
        );
      }),
    );
  };
  return { element, render };
}
