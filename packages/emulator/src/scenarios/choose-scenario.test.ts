import { describe, expect, it } from "vitest";
import { chooseScenario } from "./choose-scenario.js";
import { FaultInjector } from "./fault-injector.js";
import { ScenarioBook } from "./scenario-book.js";

describe("chooseScenario", () => {
  it("prefers keyed rules, then faults, then the default rule", () => {
    const book = new ScenarioBook();
    const faults = new FaultInjector();
    const call = { merchantBizId: "b", merchantUserId: "u" };
    expect(chooseScenario(book, faults, call)).toBeUndefined();
    book.set({}, { outcome: "latency", latencyMs: 5 });
    expect(chooseScenario(book, faults, call)?.outcome).toBe("latency");
    faults.configure({ faults: [{ fault: "503", probability: 1 }] });
    expect(chooseScenario(book, faults, call)?.outcome).toBe("503");
    book.set({ merchantUserId: "u" }, { outcome: "attack", latencyMs: 0 });
    expect(chooseScenario(book, faults, call)?.outcome).toBe("attack");
    book.set({ merchantBizId: "b" }, { outcome: "pass", latencyMs: 0 });
    expect(chooseScenario(book, faults, call)?.outcome).toBe("pass");
  });
});
