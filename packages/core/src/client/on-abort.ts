/**
 * Calls `listener` once when `signal` aborts, at once when it already has, and returns the function that stops
 * listening (so no listener outlives the wait it serves). Without a signal there is nothing to listen to.
 */
export function onAbort(signal: AbortSignal | undefined, listener: () => void): () => void {
  if (signal?.aborted) listener();
  else signal?.addEventListener("abort", listener, { once: true });
  return () => signal?.removeEventListener("abort", listener);
}
