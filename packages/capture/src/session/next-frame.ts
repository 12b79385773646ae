/** Waits for the next animation frame; rAF pauses in background tabs, so a timeout keeps a loop alive there, slowly. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
