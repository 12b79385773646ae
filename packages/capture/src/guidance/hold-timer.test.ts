import { describe, expect, test } from "vitest";
import { createHoldTimer } from "./hold-timer.js";

describe("createHoldTimer", () => {
  test("fires once good frames have lasted holdMs over holdFrames", () => {
    const hold = createHoldTimer(600, 2);
    expect(hold.update(true, 0)).toBe(false);
    expect(hold.update(true, 300)).toBe(false);
    expect(hold.update(true, 600)).toBe(true);
  });

  test("one frame is never enough, however long it took", () => {
    const hold = createHoldTimer(0, 2);
    expect(hold.update(true, 5_000)).toBe(false);
    expect(hold.update(true, 5_001)).toBe(true);
  });

  test("a bad frame starts over", () => {
    const hold = createHoldTimer(600, 2);
    hold.update(true, 0);
    hold.update(true, 500);
    expect(hold.update(false, 550)).toBe(false);
    expect(hold.update(true, 700)).toBe(false);
    expect(hold.update(true, 1_200)).toBe(false);
    expect(hold.update(true, 1_300)).toBe(true);
  });
});
