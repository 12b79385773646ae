/**
 * Counts how long the frames have been good in a row, for auto-capture: `update(true, now)` returns whether the
 * good run has lasted `holdMs` over at least `holdFrames` frames; any bad frame starts over.
 */
export function createHoldTimer(holdMs: number, holdFrames: number) {
  let since: number | undefined;
  let frames = 0;
  return {
    update(good: boolean, now: number): boolean {
      if (!good) {
        since = undefined;
        frames = 0;
        return false;
      }
      since ??= now;
      frames++;
      return frames >= holdFrames && now - since >= holdMs;
    },
    reset() {
      since = undefined;
      frames = 0;
    },
  };
}
