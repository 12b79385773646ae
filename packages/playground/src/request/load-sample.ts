import { isEmulatorUpstream } from "../environments/upstream.js";
import type { ImagePipeline } from "../image/image-pipeline.js";
import type { AppState } from "../shell/app-state.js";
import type { LayoutActions } from "../shell/layout-actions.js";
import type { Store } from "../shell/store.js";
import { isNarrow } from "../shell/workbench.js";
import type { DraftActions } from "./draft-actions.js";
import type { Sample } from "./samples.js";

/** What loading a sample uses of the app. */
export interface SampleLoaderDeps {
  readonly store: Store<AppState>;
  readonly pipeline: ImagePipeline;
  readonly draft: DraftActions;
  readonly layout: LayoutActions;
  /** Types the sample's user id in the form (hashed like any other). */
  fillUserId(userId: string): void;
  log(level: "info" | "warn", message: string): void;
}

/**
 * Loads an Explorer sample into the request form: its fields with a fresh MerchantBizId (a sample must never
 * replay the answer stored for an earlier run), its user id, and its picture, drawn on a canvas.
 */
export function createSampleLoader(deps: SampleLoaderDeps): (sample: Sample) => Promise<void> {
  const { store, log } = deps;
  return async (sample) => {
    // On a phone the side bar covers the request: close it so the sample and Send are in view.
    if (isNarrow()) deps.layout.set({ sideBarVisible: false });
    deps.layout.showEditorTab("request");
    deps.draft.startFresh(sample.draft);
    deps.fillUserId(sample.userId);
    log(
      "info",
      `Loaded the "${sample.label}" sample.${sample.needsEmulator ? ` ${sample.needsEmulator}` : ""}`,
    );
    if (
      sample.needsEmulator &&
      !isEmulatorUpstream(store.get().settings.proxyUrl, store.get().emulatorProxyUrl)
    )
      log(
        "warn",
        `The "${sample.label}" sample shows what it says only through npm start's proxy and emulator.`,
      );
    if (!sample.image) return;
    const options = sample.image;
    // Registered before the picture is drawn, so a send right now waits for this picture, not the previous one.
    const drawn = import("../image/sample-image.js").then(({ generateSampleImage }) =>
      generateSampleImage(options),
    );
    await deps.pipeline.pick(drawn, `sample-${sample.id}.jpg`, "sample");
  };
}
