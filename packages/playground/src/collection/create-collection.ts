import type { RequestDraft } from "../request/request-draft.js";
import { readStored, savePersisted } from "../shell/settings.js";
import {
  deleteRequest,
  duplicateRequest,
  newItemId,
  readCollection,
  renameRequest,
  type SavedRequest,
  saveRequest,
} from "./collection.js";
import { createCollectionView } from "./collection-view.js";

/** Where the saved requests live in localStorage. */
export const COLLECTION_KEY = "liveness-playground.collection";

/** The Explorer's saved requests: the view, wired to localStorage; opening an item is the app's business. */
export function createCollection(
  storage: Pick<Storage, "getItem" | "setItem"> | undefined,
  app: { current(): RequestDraft; open(item: SavedRequest): void },
): { element: HTMLElement } {
  let items = readCollection(readStored(storage, COLLECTION_KEY));
  const set = (next: SavedRequest[]) => {
    items = next;
    savePersisted(storage, COLLECTION_KEY, next);
    view.render(next);
  };
  const view = createCollectionView({
    saveCurrent: () => set(saveRequest(items, app.current(), "", newItemId())),
    open: app.open,
    rename: (item, name) => set(renameRequest(items, item.id, name)),
    duplicate: (item) => set(duplicateRequest(items, item.id, newItemId())),
    remove: (item) => set(deleteRequest(items, item.id)),
  });
  view.render(items);
  return { element: view.element };
}
