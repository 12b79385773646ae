import { bytesToBase64 } from "@liveness-kit/core/image";
import type { ImagePipeline } from "../image/image-pipeline.js";
import type { PickedImage } from "../image/picked-image.js";
import { draftToBody, type RequestDraft } from "../request/request-draft.js";
import type { ClientTimings } from "../result/timeline.js";
import type { AppState } from "../shell/app-state.js";
import type { Store } from "../shell/store.js";
import { imageBeforeSend, lintBeforeSend, type NotSent } from "./check-before-send.js";
import { exchangeResult } from "./exchange-result.js";
import { historyRecord } from "./history-record.js";
import type { HistoryStore } from "./history-store.js";
import { cancelledExplanation, postRequest } from "./post-request.js";
import { probeHealth } from "./probe-health.js";
import { requestHeadersShown } from "./request-headers.js";
import type { SendResult } from "./send-result.js";
import { sendLogLine } from "./send-summary.js";
import { sendToProxy } from "./send-to-proxy.js";
import { parseServerTiming } from "./server-timing.js";

/** What the send controller needs from the app. */
export interface SendDeps {
  readonly store: Store<AppState>;
  readonly pipeline: ImagePipeline;
  readonly history: () => HistoryStore | undefined;
  log(level: "info" | "warn" | "error", message: string): void;
  /** Shows the Response tab of the panel. */
  showResult(): void;
  /** Re-reads the history list after an entry was added. */
  refreshHistory(): Promise<void>;
  /** After an answer: a fresh MerchantBizId for the next request, unless the user chose the one sent. */
  renewMerchantBizId(sent: RequestDraft): void;
}

const idle = {
  sending: false,
  sendingSince: undefined,
  sendingAttempt: undefined,
  uploadProgress: undefined,
};

/**
 * Sends the current request: checks it (lint and the image preflight), base64-encodes the compressed image,
 * POSTs it with ky, explains the answer or the failure, records timings and history.
 */
export function createSendController(deps: SendDeps): {
  send(options?: { rerun?: boolean }): Promise<void>;
  /** Aborts the running send (the Cancel button, Escape); nothing when none runs. */
  cancel(): void;
} {
  const { store, log } = deps;
  let running: AbortController | undefined;

  const show = (result: SendResult) => {
    store.set({
      ...idle,
      result,
      ...(result.timings ? { lastRequestMs: result.timings.requestMs } : {}),
      ...(result.answer?.upstream?.region ? { lastRegion: result.answer.upstream.region } : {}),
    });
    deps.showResult();
  };
  const notSent = (reason: NotSent) => {
    log("warn", `Not sent: ${reason.title}.`);
    show({
      at: new Date().toISOString(),
      draft: store.get().draft,
      kind: "not-sent",
      notSent: reason,
      serverTiming: [],
      timeline: [],
      requestHeaders: [],
      idempotentReplay: false,
    });
  };

  /** Checks the request and its image; undefined when it is not to be sent (the result then says why). */
  async function prepare(rerun: boolean | undefined) {
    const linted = lintBeforeSend(store.get().jsonText);
    if (linted) {
      notSent(linted);
      return undefined;
    }
    const { draft, settings } = store.get();
    const image = draft.imageSource === "base64" ? await deps.pipeline.whenReady() : undefined;
    const checked = imageBeforeSend(draft, image, { sendFailingImages: settings.sendFailingImages, rerun });
    if ("notSent" in checked) {
      notSent(checked.notSent);
      return undefined;
    }
    return { draft, settings, image, bytes: checked.bytes };
  }

  /** POSTs the body, with the store following retries and upload progress. */
  function post(settings: AppState["settings"], body: ReturnType<typeof draftToBody>, signal: AbortSignal) {
    const startedAt = performance.now();
    return postRequest({
      proxyUrl: settings.proxyUrl,
      // Request streams (ky's upload progress) need HTTP/2, which plain-http servers never speak.
      streamed: settings.proxyUrl.startsWith("https:"),
      attempt: (withProgress) =>
        sendToProxy({
          proxyUrl: settings.proxyUrl,
          callerKey: settings.callerKey,
          body,
          timeoutMs: settings.timeoutMs,
          retries: settings.retries,
          onRetry: ({ attempt, reason }) => {
            log("warn", `Retrying (attempt ${attempt}) after ${reason}.`);
            store.set({ sendingAttempt: attempt });
          },
          signal,
          ...(withProgress
            ? { onUploadProgress: (progress) => store.set({ uploadProgress: progress.percent }) }
            : {}),
        }),
      probe: async () => {
        const health = await probeHealth(settings.proxyUrl);
        store.set({ health });
        return health;
      },
      cancelled: () =>
        signal.aborted
          ? cancelledExplanation(performance.now() - startedAt, store.get().sendingAttempt ?? 1)
          : undefined,
      log,
    });
  }

  /** Saves the send in the history (IndexedDB), when there is one. */
  async function record(result: SendResult, image: PickedImage | undefined, settings: AppState["settings"]) {
    const history = deps.history();
    if (!history) return;
    try {
      await history.add(historyRecord(result, image, settings));
      await deps.refreshHistory();
    } catch (error) {
      log("warn", `Could not save to the history: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function sendNow(options: { rerun?: boolean }, signal: AbortSignal): Promise<void> {
    const ready = await prepare(options.rerun);
    if (!ready) return;
    const { draft, settings, image, bytes } = ready;
    const encodeStart = performance.now();
    const body = draftToBody(draft, bytes ? bytesToBase64(bytes) : undefined);
    const encodeMs = performance.now() - encodeStart;
    log(
      "info",
      `POST ${settings.proxyUrl}/v1/face-liveness, MerchantBizId ${draft.merchantBizId || "(generated by the proxy)"}, MerchantUserId ${draft.merchantUserId.slice(0, 12)}…`,
    );
    const requestStart = performance.now();
    const outcome = await post(settings, body, signal);
    const requestMs = performance.now() - requestStart;
    const exchange = "exchange" in outcome ? outcome.exchange : undefined;
    const { hashMs } = store.get();
    const timings: ClientTimings = {
      ...(image?.compressed && !image.compressed.kept ? { compressMs: image.compressed.durationMs } : {}),
      ...(hashMs !== undefined ? { hashMs } : {}),
      encodeMs,
      requestMs,
    };
    const result = exchangeResult({
      at: new Date().toISOString(),
      draft,
      proxyUrl: settings.proxyUrl,
      ...outcome,
      timings,
      serverTiming: parseServerTiming(
        new Headers(exchange?.headers.map(([name, value]): [string, string] => [name, value])).get(
          "server-timing",
        ),
      ),
      requestHeaders: requestHeadersShown(settings.callerKey),
    });
    log(result.answer ? "info" : "error", sendLogLine(result, requestMs));
    show(result);
    if (exchange) deps.renewMerchantBizId(draft);
    await record(result, image, settings);
  }

  async function send(options: { rerun?: boolean } = {}): Promise<void> {
    if (store.get().sending) return;
    // This send's own controller: the one before may still be saving its history entry when this starts.
    const controller = new AbortController();
    running = controller;
    store.set({
      sending: true,
      sendingSince: performance.now(),
      sendingAttempt: 1,
      uploadProgress: undefined,
    });
    try {
      await sendNow(options, controller.signal);
    } catch (error) {
      log(
        "error",
        `Unexpected error while sending: ${error instanceof Error ? error.message : String(error)}`,
      );
      store.set(idle);
    } finally {
      // Only its own: a send that ended late must not take the Cancel away from the one running now.
      if (running === controller) running = undefined;
    }
  }

  return { send, cancel: () => running?.abort() };
}
