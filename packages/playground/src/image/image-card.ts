import type { AppState } from "../shell/app-state.js";
import { downloadText } from "../shell/download.js";
import { h, replaceChildren } from "../shell/h.js";
import type { Store } from "../shell/store.js";
import { checklistView } from "./checklist-view.js";
import type { ImageOrigin, PickedImage } from "./picked-image.js";
import { formatBytes } from "./preflight-checklist.js";

/** What the image card asks of the app. */
export interface ImageCardActions {
  pickFiles(files: readonly File[], origin: ImageOrigin): void;
  openCamera(): void;
}

/**
 * The face image card of the request form: a file picker (labelled "Face image"), drag and drop, the camera
 * button, the compression progress, the before/after figures and the preflight checklists before and after.
 */
export function createImageCard(store: Store<AppState>, actions: ImageCardActions): HTMLElement {
  const input = h("input", {
    type: "file",
    id: "image-file",
    accept: "image/jpeg,image/png,image/webp,image/*",
    "aria-describedby": "image-file-help",
  });
  input.addEventListener("change", () => {
    if (input.files && input.files.length > 0) actions.pickFiles([...input.files], "file");
    // Picking the same file again must fire `change` again.
    input.value = "";
  });
  const dropzone = h(
    "div",
    { class: "dropzone", "data-testid": "image-dropzone" },
    h("label", { for: "image-file" }, "Face image (JPEG or PNG)"),
    input,
    h(
      "p",
      { class: "help", id: "image-file-help" },
      "Drop a portrait photo here or paste one (Ctrl+V). It is compressed in your browser to the API's spec: shorter side 720 px, at most 600 KB.",
    ),
    h(
      "button",
      { type: "button", class: "secondary", onclick: () => actions.openCamera() },
      "Take a photo with the camera",
    ),
  );
  for (const type of ["dragenter", "dragover"]) {
    dropzone.addEventListener(type, (event) => {
      event.preventDefault();
      dropzone.classList.add("dragging");
    });
  }
  for (const type of ["dragleave", "drop"]) {
    dropzone.addEventListener(type, () => dropzone.classList.remove("dragging"));
  }
  dropzone.addEventListener("drop", (event) => {
    event.preventDefault();
    event.stopPropagation();
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) actions.pickFiles(files, "drop");
  });

  const status = h("div", { "aria-live": "polite", "data-testid": "image-status" });
  const details = h("div");
  // In URL mode only the URL is sent: the picked photo and its checklist are not what goes out, so they hide.
  const urlNote = h("div", { class: "url-mode-note", "data-testid": "url-mode-note" });
  // The picture exactly as it will be sent, under the name the Code tab's snippets read.
  const download = h(
    "button",
    {
      type: "button",
      class: "secondary",
      "data-testid": "download-sent-image",
      onclick: () => {
        const compressed = store.get().image?.compressed;
        if (!compressed) return;
        const type = compressed.preflight.report.info?.format === "png" ? "image/png" : "image/jpeg";
        downloadText(new Blob([compressed.bytes as BlobPart], { type }), "face.jpg", type);
      },
    },
    "Download the image to send (face.jpg)",
  );
  const card = h(
    "section",
    { class: "image-card", "data-testid": "image-card" },
    h("h2", {}, "Face photo"),
    dropzone,
    status,
    details,
    download,
    urlNote,
  );
  const render = (image: PickedImage | undefined) => {
    // Stable hooks for tests and tools: which picture is shown and how far it got.
    card.dataset.state = image?.status ?? "empty";
    card.dataset.imageName = image?.name ?? "";
    renderStatus(status, image);
    renderDetails(details, image);
    download.hidden = !image?.compressed || store.get().draft.imageSource === "url";
  };
  store.watch((state) => state.image, render);
  render(store.get().image);
  const renderSource = ({ imageSource, imageUrl }: AppState["draft"]) => {
    const byUrl = imageSource === "url";
    card.dataset.source = imageSource;
    for (const part of [dropzone, status, details]) part.hidden = byUrl;
    download.hidden = byUrl || !store.get().image?.compressed;
    urlNote.hidden = !byUrl;
    replaceChildren(
      urlNote,
      ...(byUrl
        ? [
            h(
              "p",
              {},
              "Sent: the URL only. Alibaba downloads the picture itself; no image bytes leave this page.",
            ),
            h("p", { class: "mono" }, imageUrl || "(type the picture URL below)"),
            h(
              "p",
              { class: "help" },
              "The picked photo, if any, stays here for base64 mode and is not checked or sent.",
            ),
          ]
        : []),
    );
  };
  store.watch((state) => state.draft, renderSource);
  renderSource(store.get().draft);
  return card;
}

function renderStatus(status: HTMLElement, image: PickedImage | undefined): void {
  if (!image) {
    replaceChildren(
      status,
      h("p", { class: "placeholder" }, "No image yet. Or load a sample from the Explorer."),
    );
    return;
  }
  if (image.status === "compressing") {
    replaceChildren(
      status,
      h("p", {}, `Compressing ${image.name} in a web worker… ${Math.round(image.progress)}%`),
      h("progress", {
        max: 100,
        value: image.progress,
        "aria-label": "Compression progress",
        "data-testid": "compress-progress",
      }),
    );
    return;
  }
  if (image.status === "failed") {
    replaceChildren(
      status,
      h(
        "p",
        { class: "error-text", role: "alert" },
        `Could not use ${image.name}: ${image.error ?? "unknown error"}`,
      ),
    );
    return;
  }
  const ok = image.compressed?.preflight.ok ?? false;
  replaceChildren(
    status,
    h(
      "p",
      { "data-testid": "preflight-status", "data-ok": String(ok), class: ok ? "" : "error-text" },
      ok
        ? `${image.name}: ready to send.`
        : `${image.name} fails the API's image rules even after compression: see the checklist below. It is not sent until fixed.`,
    ),
  );
}

function dims(version: { width?: number; height?: number } | undefined): string {
  return version?.width && version.height ? `${version.width}x${version.height} px` : "unknown";
}

function renderDetails(details: HTMLElement, image: PickedImage | undefined): void {
  if (!image) {
    details.replaceChildren();
    return;
  }
  const after = image.compressed;
  const time = after ? (after.kept ? "kept as picked" : `${Math.round(after.durationMs)} ms`) : "…";
  replaceChildren(
    details,
    h(
      "table",
      { class: "figures", "data-testid": "compress-figures" },
      h("caption", { class: "visually-hidden" }, "Compression: before and after"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Figure")),
          h("th", { scope: "col" }, "Before"),
          h("th", { scope: "col" }, "After"),
        ),
      ),
      h(
        "tbody",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "row" }, "Dimensions"),
          h("td", { "data-testid": "compress-before-dimensions" }, dims(image.original)),
          h("td", { "data-testid": "compress-after-dimensions" }, after ? dims(after) : "…"),
        ),
        h(
          "tr",
          {},
          h("th", { scope: "row" }, "Bytes"),
          h(
            "td",
            { "data-testid": "compress-before-bytes", "data-bytes": image.original.bytes.length },
            formatBytes(image.original.bytes.length),
          ),
          h(
            "td",
            { "data-testid": "compress-after-bytes", ...(after ? { "data-bytes": after.bytes.length } : {}) },
            after ? formatBytes(after.bytes.length) : "…",
          ),
        ),
        h(
          "tr",
          {},
          h("th", { scope: "row" }, "Time"),
          h("td", {}, "—"),
          h(
            "td",
            { "data-testid": "compress-time", ...(after ? { "data-ms": Math.round(after.durationMs) } : {}) },
            time,
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "checklists" },
      h(
        "div",
        {},
        h("h3", { id: "preflight-before-title" }, "Preflight, as picked"),
        checklistView(image.original.preflight.items, "preflight-before", "Preflight as picked"),
      ),
      h(
        "div",
        {},
        h("h3", { id: "preflight-after-title" }, "Preflight, as sent"),
        after
          ? checklistView(after.preflight.items, "preflight-after", "Preflight as sent")
          : h("p", { class: "placeholder", "data-testid": "preflight-after" }, "After compression…"),
      ),
    ),
  );
}
