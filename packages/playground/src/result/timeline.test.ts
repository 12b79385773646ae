import { describe, expect, test } from "vitest";
import { parseServerTiming } from "../send/server-timing.js";
import { buildTimeline } from "./timeline.js";

const row = (p: { name: string; source: string; start: number; duration: number; depth: number }) => [
  p.name,
  p.source,
  p.start,
  p.duration,
  p.depth,
];

describe("buildTimeline", () => {
  test("the proxy's phases nest as it measured them: total holds validate and upstream, upstream holds the rest", () => {
    // The proxy's header order: children end (and are added) before their parent.
    const server = parseServerTiming(
      "validate;dur=5, gate;dur=1, sign;dur=2, fetch;dur=117, upstream;dur=125, total;dur=345",
    );
    const phases = buildTimeline({ compressMs: 300, hashMs: 1, encodeMs: 9, requestMs: 400 }, server);
    expect(phases.map(row)).toEqual([
      ["compress image", "client", 0, 300, 0],
      ["hash user id", "client", 300, 1, 0],
      ["encode body", "client", 301, 9, 0],
      ["request (round trip)", "client", 310, 400, 0],
      ["network out", "network", 310, 27.5, 1],
      ["total", "server", 337.5, 345, 1],
      ["validate", "server", 337.5, 5, 2],
      ["upstream", "server", 342.5, 125, 2],
      ["gate", "server", 342.5, 1, 3],
      ["sign", "server", 343.5, 2, 3],
      ["fetch", "server", 345.5, 117, 3],
      ["network back", "network", 682.5, 27.5, 1],
    ]);
  });

  test("the network is the round trip minus the proxy's total, not minus the sum of every metric", () => {
    const server = parseServerTiming("validate;dur=2, upstream;dur=100, total;dur=345");
    const network = buildTimeline({ requestMs: 400 }, server)
      .filter((p) => p.source === "network")
      .reduce((sum, p) => sum + p.duration, 0);
    expect(network).toBe(55);
    expect(buildTimeline({ requestMs: 400 }, server).find((p) => p.name === "total")?.duration).toBe(345);
  });

  test("without total, the outermost phases make the proxy's time; descriptions are kept", () => {
    const phases = buildTimeline({ requestMs: 200 }, [
      { name: "validate", duration: 5 },
      { name: "upstream", duration: 154, description: "ap-southeast-1" },
      { name: "sign", duration: 1 },
    ]);
    expect(phases.map(row)).toEqual([
      ["request (round trip)", "client", 0, 200, 0],
      ["network out", "network", 0, 20.5, 1],
      ["validate", "server", 20.5, 5, 1],
      ["upstream", "server", 25.5, 154, 1],
      ["sign", "server", 25.5, 1, 2],
      ["network back", "network", 179.5, 20.5, 1],
    ]);
    expect(phases.find((p) => p.name === "upstream")?.note).toBe("ap-southeast-1");
  });

  test("without Server-Timing there is only the round trip", () => {
    expect(buildTimeline({ requestMs: 80 }, []).map((p) => p.name)).toEqual(["request (round trip)"]);
  });

  test("a proxy total longer than the round trip is scaled to fit inside it, and children inside their parent", () => {
    const phases = buildTimeline({ requestMs: 100 }, [
      { name: "fetch", duration: 300 },
      { name: "upstream", duration: 120 },
      { name: "total", duration: 150 },
      { name: "noise" },
    ]);
    const byName = Object.fromEntries(phases.map((p) => [p.name, p]));
    expect(byName.total?.duration).toBe(100);
    expect(byName.upstream?.duration).toBe(80);
    expect(byName.fetch?.duration).toBe(80);
    expect(phases.some((p) => p.source === "network")).toBe(false);
    for (const p of phases) expect(p.start + p.duration).toBeLessThanOrEqual(100 + 1e-9);
  });
});
