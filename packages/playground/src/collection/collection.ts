import { MAX_IMAGE_URL_LENGTH } from "@liveness-kit/contract";
import * as v from "valibot";
import type { RequestDraft } from "../request/request-draft.js";

const DraftSchema = v.object({
  merchantBizId: v.pipe(v.string(), v.maxLength(64)),
  merchantUserId: v.pipe(v.string(), v.maxLength(128)),
  imageSource: v.picklist(["base64", "url"]),
  imageUrl: v.pipe(v.string(), v.maxLength(MAX_IMAGE_URL_LENGTH)),
  faceQualityCheck: v.boolean(),
});

/** A request saved in the Explorer's collection: its fields (the user id only as its hash, no image). */
export const SavedRequestSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  name: v.pipe(v.string(), v.maxLength(80)),
  savedAt: v.string(),
  draft: DraftSchema,
});

/** One saved request. */
export type SavedRequest = v.InferOutput<typeof SavedRequestSchema>;

/** Reads the stored collection; a broken item is dropped, garbage gives an empty collection. */
export function readCollection(stored: unknown): SavedRequest[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = v.safeParse(SavedRequestSchema, item);
    return parsed.success ? [parsed.output] : [];
  });
}

/** A fresh id for an item. */
export function newItemId(): string {
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Adds the request being edited under `name` (a default one when blank). */
export function saveRequest(
  items: readonly SavedRequest[],
  draft: RequestDraft,
  name: string,
  id: string,
  now: Date = new Date(),
): SavedRequest[] {
  const label = name.trim() || `Request ${items.length + 1}`;
  return [...items, { id, name: label.slice(0, 80), savedAt: now.toISOString(), draft: { ...draft } }];
}

/** Renames one item (a blank name is refused: the item keeps its name). */
export function renameRequest(items: readonly SavedRequest[], id: string, name: string): SavedRequest[] {
  const label = name.trim().slice(0, 80);
  return items.map((item) => (item.id === id && label ? { ...item, name: label } : item));
}

/** Copies one item, right after it, as "<name> (copy)". */
export function duplicateRequest(
  items: readonly SavedRequest[],
  id: string,
  newId: string,
  now: Date = new Date(),
): SavedRequest[] {
  const index = items.findIndex((item) => item.id === id);
  const original = items[index];
  if (!original) return [...items];
  const copy = {
    ...original,
    id: newId,
    name: `${original.name} (copy)`.slice(0, 80),
    savedAt: now.toISOString(),
  };
  return [...items.slice(0, index + 1), copy, ...items.slice(index + 1)];
}

/** Removes one item. */
export function deleteRequest(items: readonly SavedRequest[], id: string): SavedRequest[] {
  return items.filter((item) => item.id !== id);
}
