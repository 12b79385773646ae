import type { FaceDetectorLoader } from "../detector/face-detector.js";
import type { GuidanceThresholds } from "../guidance/thresholds.js";
import type { CaptureFlow, FlowHost } from "../session/flow.js";
import { type CaptureStrings, formatString, resolveStrings, type StringKey } from "../strings/strings.js";
import type { CaptureState, LivenessCaptureEventMap, LivenessStateDetail } from "./events.js";
import { renderTemplate } from "./template.js";

/** What each state shows: its buttons, the stage, and the button that takes focus. */
const VIEWS: Record<CaptureState, { buttons: string[]; stage: boolean; focus?: string }> = {
  idle: { buttons: ["start", "photo"], stage: false },
  starting: { buttons: [], stage: true },
  guiding: { buttons: ["shutter", "photo"], stage: true },
  preparing: { buttons: [], stage: true },
  sending: { buttons: [], stage: true },
  complete: { buttons: [], stage: true },
  "not-passed": { buttons: ["retry"], stage: true, focus: "retry" },
  photo: { buttons: ["photo", "retry"], stage: false, focus: "photo" },
  error: { buttons: ["retry", "photo"], stage: false, focus: "retry" },
};

/**
 * `<liveness-capture>`: a selfie check with live face guidance. Attributes: `proxy-url`, `token`,
 * `merchant-biz-id`, `hashed-user-id`, `locale`, `face-quality-check`, `theme` (`light`/`dark`). Properties
 * add `getToken`, `userId` (hashed with SHA-256 in the browser before it is sent), `strings`, `thresholds` and
 * `detector`. Events: `liveness-state`, `liveness-complete`, `liveness-error`.
 */
export class LivenessCaptureElement extends HTMLElement {
  static readonly observedAttributes = ["locale"];

  /** Called before each try for a fresh caller token (preferred over the `token` attribute). */
  getToken: (() => string | Promise<string>) | undefined;
  /** Texts to replace, by key (see `STRINGS.en`). */
  strings: Partial<CaptureStrings> | undefined;
  /** Guidance limits to change (see `DEFAULT_THRESHOLDS`). */
  thresholds: Partial<GuidanceThresholds> | undefined;
  /** Replaces the default face detector (face-api's tiny model, loaded from the app's origin). */
  detector: FaceDetectorLoader | undefined;
  /** The URL of browser-image-compression's script, for its worker; defaults to the copy beside this package. */
  compressionLibUrl: string | undefined;
  /** Figures of the last run, for benchmarks: ms from camera permission to the first guidance, updates. */
  readonly metrics = { permissionToGuidanceMs: Number.NaN, guidanceUpdates: 0, guidanceMs: 0, detector: "" };

  #userId: string | undefined;
  #state: CaptureState = "idle";
  #flow: CaptureFlow | undefined;
  readonly #root: ShadowRoot;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    renderTemplate(this.#root);
    this.#root.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest("button")?.dataset.action;
      if (action) void this.#onAction(action);
    });
    this.#input.addEventListener("change", () => {
      const file = this.#input.files?.[0];
      this.#input.value = "";
      if (file) void this.#withFlow((flow) => flow.usePhoto(file));
    });
  }

  connectedCallback(): void {
    this.#render();
  }

  disconnectedCallback(): void {
    this.#flow?.stop();
  }

  attributeChangedCallback(): void {
    this.#render();
  }

  /** The edge proxy's origin (attribute `proxy-url`). */
  get proxyUrl(): string {
    return this.getAttribute("proxy-url") ?? "";
  }
  set proxyUrl(value: string) {
    this.setAttribute("proxy-url", value);
  }
  /** A fixed caller token (attribute `token`); prefer `getToken`, tokens are single-use. */
  get token(): string {
    return this.getAttribute("token") ?? "";
  }
  set token(value: string) {
    this.setAttribute("token", value);
  }
  /** The call's MerchantBizId (letters and digits, at most 32); made fresh per check when left out. */
  get merchantBizId(): string {
    return this.getAttribute("merchant-biz-id") ?? "";
  }
  set merchantBizId(value: string) {
    this.setAttribute("merchant-biz-id", value);
  }
  /** An already-hashed user id, sent as MerchantUserId as it is. */
  get hashedUserId(): string {
    return this.getAttribute("hashed-user-id") ?? "";
  }
  set hashedUserId(value: string) {
    this.setAttribute("hashed-user-id", value);
  }
  /** The user's id; it stays in memory and only its SHA-256 (hex) leaves the browser. Write-only. */
  set userId(value: string | undefined) {
    this.#userId = value;
  }
  /** `en`, `id`, `ms`, `zh-Hant` (or any tag that maps to one); defaults to the page's language. */
  get locale(): string {
    return this.getAttribute("locale") ?? this.closest("[lang]")?.getAttribute("lang") ?? navigator.language;
  }
  set locale(value: string) {
    this.setAttribute("locale", value);
  }
  /** The current step. */
  get state(): CaptureState {
    return this.#state;
  }

  /** Opens the camera and starts guiding (what the start button does). */
  start(): Promise<void> {
    return this.#withFlow((flow) => flow.startCamera());
  }
  /** Takes the photo now, whatever the guidance says (the shutter button). */
  capture(): Promise<void> {
    return this.#withFlow((flow) => flow.shutter());
  }
  /** Checks and sends a photo the app already has, as the photo fallback does. */
  usePhoto(file: Blob): Promise<void> {
    return this.#withFlow((flow) => flow.usePhoto(file));
  }
  /** Stops the camera and goes back to the start. */
  reset(): void {
    this.#flow?.stop();
    this.#setState("idle", "intro");
  }

  override addEventListener<K extends keyof LivenessCaptureEventMap>(
    type: K,
    listener: (this: LivenessCaptureElement, event: LivenessCaptureEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener, options);
  }

  get #input(): HTMLInputElement {
    return this.#root.querySelector("input") as HTMLInputElement;
  }

  #text(): CaptureStrings {
    return resolveStrings(this.locale, this.strings);
  }

  async #onAction(action: string): Promise<void> {
    if (action === "start") await this.start();
    else if (action === "shutter") await this.capture();
    else if (action === "photo") {
      this.#flow?.stop();
      this.#setState("photo", "photoIntro");
      this.#input.click();
    } else if (action === "retry") await this.#withFlow((flow) => flow.retry());
  }

  // The camera, detector, compression and sending code loads on first use, so the page's first load stays small.
  async #withFlow(run: (flow: CaptureFlow) => Promise<void>): Promise<void> {
    if (!this.#flow) {
      const { CaptureFlow } = await import("../session/flow.js");
      this.#flow = new CaptureFlow(this.#host());
    }
    await run(this.#flow);
  }

  #host(): FlowHost {
    const q = <T extends Element>(selector: string) => this.#root.querySelector(selector) as T;
    return {
      video: q("video"),
      still: q("img"),
      stage: q(".stage"),
      progress: q("progress"),
      settings: () => ({
        proxyUrl: this.proxyUrl,
        token: this.token,
        getToken: this.getToken,
        merchantBizId: this.merchantBizId,
        hashedUserId: this.hashedUserId,
        userId: this.#userId,
        faceQualityCheck: this.hasAttribute("face-quality-check"),
        thresholds: this.thresholds,
        detector: this.detector,
        compressionLibUrl: this.compressionLibUrl,
      }),
      metrics: this.metrics,
      text: () => this.#text(),
      setState: (state, key, values) => this.#setState(state, key, values),
      guide: (guidance, key) => this.#guide(guidance, key),
      complete: (detail) => this.#emit("liveness-complete", detail),
      fail: (detail) => this.#emit("liveness-error", detail),
    };
  }

  #emit<K extends keyof LivenessCaptureEventMap>(
    type: K,
    detail: LivenessCaptureEventMap[K] extends CustomEvent<infer D> ? D : never,
  ): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #message = "";
  #messageKey: StringKey = "intro";
  #messageValues: Record<string, string | number> = {};

  #setState(state: CaptureState, key: StringKey, values: Record<string, string | number> = {}): void {
    const changed = state !== this.#state;
    this.#state = state;
    this.#messageKey = key;
    this.#messageValues = values;
    this.#render();
    if (changed) {
      const focus = VIEWS[state].focus;
      if (focus) this.#root.querySelector<HTMLButtonElement>(`[data-action=${focus}]`)?.focus();
    }
    const detail: LivenessStateDetail = { state, message: this.#message };
    this.#emit("liveness-state", detail);
  }

  #guide(guidance: LivenessStateDetail["guidance"], key: StringKey): void {
    (this.#root.querySelector(".stage") as HTMLElement).dataset.guidance = guidance ?? "";
    if (key === this.#messageKey) return;
    this.#messageKey = key;
    this.#messageValues = {};
    this.#render();
    this.#emit("liveness-state", { state: this.#state, message: this.#message, guidance });
  }

  #render(): void {
    const text = this.#text();
    const root = this.#root;
    const view = VIEWS[this.#state];
    (root.querySelector(".root") as HTMLElement).dataset.state = this.#state;
    this.dataset.state = this.#state;
    (root.querySelector("#title") as HTMLElement).textContent = text.title;
    (root.querySelector(".intro") as HTMLElement).textContent =
      this.#state === "photo" ? text.photoIntro : text.intro;
    (root.querySelector(".intro") as HTMLElement).hidden = view.stage;
    (root.querySelector(".stage") as HTMLElement).hidden = !view.stage;
    (root.querySelector("video") as HTMLVideoElement).setAttribute("aria-label", text.videoLabel);
    (root.querySelector("progress") as HTMLElement).setAttribute("aria-label", text.progressLabel);
    (root.querySelector("progress") as HTMLElement).hidden = this.#state !== "sending";
    const labels: Record<string, StringKey> = {
      start: "start",
      shutter: "shutter",
      retry: "tryAgain",
      photo: "choosePhoto",
    };
    for (const button of root.querySelectorAll<HTMLButtonElement>("button")) {
      const action = button.dataset.action ?? "";
      button.textContent = text[labels[action] as StringKey];
      button.hidden = !view.buttons.includes(action);
    }
    const message =
      this.#messageKey === "intro" ? "" : formatString(text[this.#messageKey], this.#messageValues);
    this.#message = message;
    const live = root.querySelector(".message") as HTMLElement;
    if (live.textContent !== message) live.textContent = message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "liveness-capture": LivenessCaptureElement;
  }
}
