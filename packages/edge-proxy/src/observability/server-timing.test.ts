import { describe, expect, it } from "vitest";
import { ServerTiming } from "./server-timing.js";

describe("ServerTiming", () => {
  it("adds durations of the same phase and writes the header in order of first use", () => {
    const timing = new ServerTiming();
    timing.add("validate", 1.24);
    timing.add("sign", 0.5);
    timing.add("sign", 0.25);
    expect(timing.toJSON()).toEqual({ validate: 1.2, sign: 0.8 });
    expect(timing.header()).toBe("validate;dur=1.2, sign;dur=0.8");
  });

  it("measures work that throws too", async () => {
    const timing = new ServerTiming();
    await expect(
      timing.measure("upstream", () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(Object.keys(timing.toJSON())).toEqual(["upstream"]);
  });

  it("never records a negative duration", () => {
    const timing = new ServerTiming();
    timing.add("validate", -5);
    expect(timing.toJSON()).toEqual({ validate: 0 });
  });
});
