import { NetworkError } from "../errors/index.js";
import { onAbort } from "./on-abort.js";

/** An abort signal for one try: it fires when the time runs out or when the caller's signal does. */
export interface TimeoutSignal {
  readonly signal: AbortSignal;
  /** Whether it fired because the time ran out (and not because the caller aborted). */
  readonly timedOut: boolean;
  /** Stops the timer and lets go of the caller's signal; call it when the try is over. */
  clear(): void;
}

/**
 * Starts a timer of `timeoutMs` joined to the caller's `signal`. Made by hand rather than with
 * `AbortSignal.timeout` and `AbortSignal.any` so the timer can be cleared and no listener outlives the try.
 */
export function startTimeout(timeoutMs: number, signal?: AbortSignal): TimeoutSignal {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new NetworkError("Timeout", `No answer within ${timeoutMs} ms.`));
  }, timeoutMs);
  const stop = onAbort(signal, () => controller.abort(signal?.reason));
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    clear() {
      clearTimeout(timer);
      stop();
    },
  };
}
