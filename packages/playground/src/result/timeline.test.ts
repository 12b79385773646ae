import { describe, expect, test } from "vitest";
import { buildTimeline } from "./timeline.js";

describe("buildTimeline", () => {
  test("client phases run one after another, server phases sit inside the request", () => {
    const phases = buildTimeline({ compressMs: 300, hashMs: 1, encodeMs: 9, requestMs: 200 }, [
      { name: "validate", duration: 5 },
      { name: "sign", duration: 1 },
      { name: "upstream", duration: 154, description: "ap-southeast-1" },
    ]);
    expect(phases.map((p) => [p.name, p.source, p.start, p.duration])).toEqual([
      ["compress image", "client", 0, 300],
      ["hash user id", "client", 300, 1],
      ["encode body", "client", 301, 9],
      ["request (round trip)", "client", 310, 200],
      ["network out", "network", 310, 20],
      ["validate", "server", 330, 5],
      ["sign", "server", 335, 1],
      ["upstream", "server", 336, 154],
      ["network back", "network", 490, 20],
    ]);
    expect(phases.find((p) => p.name === "upstream")?.note).toBe("ap-southeast-1");
  });

  test("without Server-Timing there is only the round trip", () => {
    expect(buildTimeline({ requestMs: 80 }, []).map((p) => p.name)).toEqual(["request (round trip)"]);
  });

  test("server phases longer than the round trip are scaled to fit inside it", () => {
    const phases = buildTimeline({ requestMs: 100 }, [
      { name: "upstream", duration: 150 },
      { name: "sign", duration: 50 },
      { name: "noise" },
    ]);
    const server = phases.filter((p) => p.source === "server");
    expect(server.map((p) => p.duration)).toEqual([75, 25]);
    const last = server.at(-1)!;
    expect(last.start + last.duration).toBeLessThanOrEqual(100);
  });
});
