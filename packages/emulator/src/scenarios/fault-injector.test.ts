import { describe, expect, it } from "vitest";
import { FaultInjector, parseFaultConfiguration } from "./fault-injector.js";

describe("parseFaultConfiguration", () => {
  it("reads one fault or several, with a seed", () => {
    expect(parseFaultConfiguration({ fault: "503", probability: 0.3, seed: 9 })).toEqual({
      ok: true,
      value: { faults: [{ fault: "503", probability: 0.3 }], seed: 9 },
    });
    expect(
      parseFaultConfiguration({
        faults: [
          { fault: "InternalError", probability: 0.1 },
          { fault: "latency", probability: 0.2, latencyMs: 50 },
        ],
      }),
    ).toEqual({
      ok: true,
      value: {
        faults: [
          { fault: "500", probability: 0.1 },
          { fault: "latency", probability: 0.2, latencyMs: 50 },
        ],
      },
    });
  });

  it.each([
    [null, "JSON object"],
    [{ faults: "x" }, "array"],
    [{ fault: "boom", probability: 0.1 }, "unknown fault"],
    [{ fault: "503", probability: 1.5 }, "probability"],
    [{ fault: "503" }, "probability"],
    [
      {
        faults: [
          { fault: "503", probability: 0.7 },
          { fault: "500", probability: 0.7 },
        ],
      },
      "more than 1",
    ],
    [{ fault: "503", probability: 0.5, seed: 1.5 }, "seed"],
    [{ fault: "latency", probability: 0.5, latencyMs: -2 }, "latencyMs"],
  ])("refuses %j", (input, message) => {
    const parsed = parseFaultConfiguration(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe("FaultInjector", () => {
  it("injects nothing until configured", () => {
    expect(new FaultInjector().roll()).toBeUndefined();
  });

  it("is deterministic with a seed and close to the probability", () => {
    const draws = (seed: number) => {
      const injector = new FaultInjector();
      injector.configure({ faults: [{ fault: "503", probability: 0.3 }], seed });
      return Array.from({ length: 1000 }, () => injector.roll()?.outcome ?? "none");
    };
    const first = draws(1);
    expect(draws(1)).toEqual(first);
    const failures = first.filter((outcome) => outcome === "503").length;
    expect(failures).toBeGreaterThan(240);
    expect(failures).toBeLessThan(360);
  });

  it("splits one draw between several faults and carries their details", () => {
    const injector = new FaultInjector();
    injector.configure({
      faults: [
        { fault: "throttling", probability: 0.5, retryAfterMs: 200 },
        { fault: "latency", probability: 0.5, latencyMs: 5 },
      ],
      seed: 3,
    });
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const rule = injector.roll();
      expect(rule).toBeDefined();
      if (rule?.outcome === "throttling") expect(rule.retryAfterMs).toBe(200);
      if (rule?.outcome === "latency") expect(rule.latencyMs).toBe(5);
      seen.add(rule?.outcome ?? "none");
    }
    expect([...seen].sort()).toEqual(["latency", "throttling"]);
  });

  it("carries the code of an error fault", () => {
    const parsed = parseFaultConfiguration({ fault: "Forbidden.RAMUserAccessDenied", probability: 1 });
    expect(parsed).toEqual({
      ok: true,
      value: { faults: [{ fault: "error", code: "Forbidden.RAMUserAccessDenied", probability: 1 }] },
    });
    const injector = new FaultInjector();
    if (parsed.ok) injector.configure(parsed.value);
    expect(injector.roll()).toEqual({
      outcome: "error",
      code: "Forbidden.RAMUserAccessDenied",
      latencyMs: 0,
    });
  });

  it("clear removes the faults", () => {
    const injector = new FaultInjector();
    injector.configure({ faults: [{ fault: "500", probability: 1 }] });
    expect(injector.roll()?.outcome).toBe("500");
    injector.clear();
    expect(injector.roll()).toBeUndefined();
    expect(injector.configuration).toEqual({ faults: [] });
  });
});
