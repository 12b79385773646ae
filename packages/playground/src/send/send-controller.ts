import { bytesToBase64 } from "@liveness-kit/core/image";
import { createMerchantBizId } from "@liveness-kit/core/request";
import type { ImagePipeline } from "../image/image-pipeline.js";
import { lintRequest } from "../request/lint-request.js";
import { draftToBody, formatDraft } from "../request/request-draft.js";
import { DEV_CALLER_KEY } from "../result/snippets/code-snippets.js";
import { buildTimeline, type ClientTimings } from "../result/timeline.js";
import type { AppState } from "../shell/app-state.js";
import type { Store } from "../shell/store.js";
import { explainErrorAnswer, explainNoAnswer, type FailureExplanation } from "./explain-failure.js";
import { createHistoryEntry } from "./history-entry.js";
import type { HistoryStore } from "./history-store.js";
import { probeHealth } from "./probe-health.js";
import { readProxyAnswer } from "./read-answer.js";
import type { SendResult } from "./send-result.js";
import { type ProxyExchange, SendFailedError, sendToProxy } from "./send-to-proxy.js";
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
}

/** The caller key as shown in the Headers tab: the public dev key in full, any other masked. */
export function maskCallerKey(key: string): string {
  return key === DEV_CALLER_KEY ? key : `${key.slice(0, 3)}… (${key.length} characters, hidden)`;
}

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

  const finish = (result: SendResult) => {
    store.set({
      sending: false,
      sendingSince: undefined,
      sendingAttempt: undefined,
      uploadProgress: undefined,
      result,
      ...(result.timings ? { lastRequestMs: result.timings.requestMs } : {}),
      ...(result.answer?.upstream?.region ? { lastRegion: result.answer.upstream.region } : {}),
    });
    deps.showResult();
  };
  const notSent = (title: string, problems: string[]) => {
    const state = store.get();
    log("warn", `Not sent: ${title}.`);
    finish({
      at: new Date().toISOString(),
      draft: state.draft,
      kind: "not-sent",
      notSent: { title, problems },
      serverTiming: [],
      timeline: [],
      requestHeaders: [],
      idempotentReplay: false,
    });
  };

  async function send(options: { rerun?: boolean } = {}): Promise<void> {
    if (store.get().sending) return;
    running = new AbortController();
    store.set({
      sending: true,
      sendingSince: performance.now(),
      sendingAttempt: 1,
      uploadProgress: undefined,
    });
    try {
      await sendNow(options, running.signal);
    } catch (error) {
      log(
        "error",
        `Unexpected error while sending: ${error instanceof Error ? error.message : String(error)}`,
      );
      store.set({
        sending: false,
        sendingSince: undefined,
        sendingAttempt: undefined,
        uploadProgress: undefined,
      });
    } finally {
      running = undefined;
    }
  }

  async function sendNow(options: { rerun?: boolean }, signal: AbortSignal): Promise<void> {
    const problems = lintRequest(store.get().jsonText);
    if (problems.length > 0) {
      notSent(
        "the request has problems",
        problems.map((problem) => `${problem.path.join(".") || "request"}: ${problem.message}`),
      );
      return;
    }
    const { draft, settings } = store.get();
    let imageBytes: Uint8Array | undefined;
    const image = draft.imageSource === "base64" ? await deps.pipeline.whenReady() : undefined;
    if (draft.imageSource === "base64") {
      const compressed = image?.compressed;
      if (!image || image.status === "failed" || !compressed) {
        notSent("there is no usable image", [
          image?.error
            ? `The image could not be used: ${image.error}.`
            : "Pick, drop or paste a portrait photo, take one with the camera, or load a sample.",
          ...(options.rerun
            ? ["History keeps no image bytes: pick the image again to re-run this request."]
            : []),
        ]);
        return;
      }
      if (!compressed.preflight.ok && !settings.sendFailingImages) {
        notSent(
          "the image fails the API's rules (the preflight)",
          compressed.preflight.items
            .filter((item) => item.status === "fail")
            .map((item) => `${item.label}: ${item.detail}${item.fix ? ` Fix: ${item.fix}` : ""}`),
        );
        return;
      }
      imageBytes = compressed.bytes;
    }

    const encodeStart = performance.now();
    const body = draftToBody(draft, imageBytes ? bytesToBase64(imageBytes) : undefined);
    const encodeMs = performance.now() - encodeStart;
    // Request streams (ky's upload progress) need HTTP/2, which plain-http servers never speak.
    const stream = settings.proxyUrl.startsWith("https:");
    log(
      "info",
      `POST ${settings.proxyUrl}/v1/face-liveness, MerchantBizId ${draft.merchantBizId || "(generated by the proxy)"}, MerchantUserId ${draft.merchantUserId.slice(0, 12)}…`,
    );
    const attempt = (withProgress: boolean) =>
      sendToProxy({
        proxyUrl: settings.proxyUrl,
        callerKey: settings.callerKey,
        body,
        timeoutMs: settings.timeoutMs,
        retries: settings.retries,
        onRetry: ({ attempt: n, reason }) => {
          log("warn", `Retrying (attempt ${n}) after ${reason}.`);
          store.set({ sendingAttempt: n });
        },
        signal,
        ...(withProgress
          ? { onUploadProgress: (progress) => store.set({ uploadProgress: progress.percent }) }
          : {}),
      });

    const requestStart = performance.now();
    let exchange: ProxyExchange | undefined;
    let failure: FailureExplanation | undefined;
    const wasCancelled = () =>
      signal.aborted
        ? cancelled(performance.now() - requestStart, store.get().sendingAttempt ?? 1)
        : undefined;
    try {
      exchange = await attempt(stream);
    } catch (error) {
      failure = wasCancelled();
      if (!failure) {
        if (!(error instanceof SendFailedError)) throw error;
        const health = await probeHealth(settings.proxyUrl);
        store.set({ health });
        if (stream && error.kind === "network" && health.reachable) {
          log(
            "warn",
            "The proxy refused a streamed upload (it needs HTTP/2); sending again without upload progress.",
          );
          try {
            exchange = await attempt(false);
          } catch (again) {
            failure = wasCancelled();
            if (!failure) {
              if (!(again instanceof SendFailedError)) throw again;
              failure = explainNoAnswer(again.kind, settings.proxyUrl, health);
            }
          }
        } else {
          failure = explainNoAnswer(error.kind, settings.proxyUrl, health);
        }
      }
    }
    const requestMs = performance.now() - requestStart;

    const headers = new Headers(
      exchange ? exchange.headers.map(([name, value]) => [name, value] as [string, string]) : [],
    );
    const serverTiming = parseServerTiming(headers.get("server-timing"));
    let answer = undefined as ReturnType<typeof readProxyAnswer>;
    if (exchange && exchange.status >= 200 && exchange.status < 300) {
      answer = readProxyAnswer(exchange.body);
      if (!answer) {
        failure = {
          code: "ResponseFormat",
          httpStatus: exchange.status,
          message: exchange.bodyText.slice(0, 300),
          meaning: "the answer does not have the documented shape",
          action: "Check that Settings > Proxy URL points to a liveness-kit proxy of a matching version.",
          retryable: false,
        };
      }
    } else if (exchange) {
      failure = explainErrorAnswer(exchange.status, exchange.body, exchange.bodyText);
    }
    const timings: ClientTimings = {
      ...(image?.compressed && !image.compressed.kept ? { compressMs: image.compressed.durationMs } : {}),
      ...(store.get().hashMs !== undefined ? { hashMs: store.get().hashMs } : {}),
      encodeMs,
      requestMs,
    };
    const result: SendResult = {
      at: new Date().toISOString(),
      draft,
      proxyUrl: settings.proxyUrl,
      kind: answer ? "answer" : "error",
      ...(exchange ? { exchange } : {}),
      ...(answer ? { answer } : {}),
      ...(failure ? { failure } : {}),
      timings,
      serverTiming,
      timeline: buildTimeline(timings, serverTiming),
      requestHeaders: [
        ["content-type", "application/json"],
        ["authorization", `Bearer ${maskCallerKey(settings.callerKey)}`],
      ],
      idempotentReplay: headers.get("idempotent-replay") === "true",
    };
    const summary = answer
      ? `${answer.passed ? "Passed" : "Not passed"} (SubCode ${answer.subCode})`
      : `${failure?.code ?? "Error"}${exchange ? ` (HTTP ${exchange.status})` : ""}`;
    log(
      answer ? "info" : "error",
      `${summary} in ${Math.round(requestMs)} ms${exchange && exchange.attempts > 1 ? ` after ${exchange.attempts} attempts` : ""}.`,
    );
    finish(result);

    // A fresh MerchantBizId for the next request, unless the user chose this one: repeating an id returns the stored answer.
    if (exchange && !store.get().bizIdPinned && store.get().draft.merchantBizId === draft.merchantBizId) {
      const next = { ...store.get().draft, merchantBizId: createMerchantBizId() };
      store.set({ draft: next, draftOrigin: "program", jsonText: formatDraft(next) });
    }

    const history = deps.history();
    if (history) {
      const entry = createHistoryEntry({
        proxyUrl: settings.proxyUrl,
        draft,
        ...(image?.compressed?.width && image.compressed.height
          ? {
              image: {
                bytes: image.compressed.bytes.length,
                width: image.compressed.width,
                height: image.compressed.height,
                format: image.compressed.preflight.report.info?.format ?? "unknown",
              },
            }
          : {}),
        // A face is biometric data: its thumbnail is kept only when the developer turned that on.
        ...(image?.thumbnail && settings.keepThumbnails ? { thumbnail: image.thumbnail } : {}),
        outcome: answer ? (answer.passed ? "passed" : "not-passed") : "error",
        summary,
        ...(exchange
          ? {
              response: {
                status: exchange.status,
                headers: exchange.headers,
                body: exchange.body ?? exchange.bodyText,
              },
            }
          : {}),
        timings: { ...timings, server: serverTiming, ...(exchange ? { attempts: exchange.attempts } : {}) },
      });
      try {
        await history.add(entry);
        await deps.refreshHistory();
      } catch (error) {
        log(
          "warn",
          `Could not save to the history: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  return {
    send,
    cancel: () => running?.abort(),
  };
}

/** The explanation of a send the user cancelled. */
function cancelled(afterMs: number, attempt: number): FailureExplanation {
  return {
    code: "Cancelled",
    message: `You cancelled the request after ${(afterMs / 1000).toFixed(1)} s (attempt ${attempt}).`,
    meaning: "the browser stopped waiting; the proxy may still have finished the call",
    action:
      "Send again with the same MerchantBizId: if the proxy finished it, you get the stored answer, billed once.",
    retryable: true,
  };
}
