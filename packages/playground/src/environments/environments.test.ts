import { describe, expect, test } from "vitest";
import {
  activeEnvironment,
  addEnvironment,
  exportEnvironments,
  readEnvironments,
  removeEnvironment,
  updateEnvironment,
} from "./environments.js";

const current = { proxyUrl: "http://127.0.0.1:8787", callerKey: "dev-caller-key" };

describe("environments", () => {
  test("nothing stored (or garbage): the local stack alone, with the current URL and key", () => {
    for (const stored of [null, "x", { active: 3 }, { active: "a", list: [] }]) {
      expect(readEnvironments(stored, current)).toEqual({
        active: "local",
        list: [{ id: "local", name: "Local stack", ...current }],
      });
    }
  });

  test("a broken entry is dropped, the others kept; an unknown active id falls back to the first", () => {
    const stored = {
      active: "gone",
      list: [
        { id: "s", name: "Staging", proxyUrl: "https://staging.example.com", callerKey: "k1" },
        { id: "p", name: "Prod", proxyUrl: "ftp://nope", callerKey: "k2" },
      ],
    };
    const read = readEnvironments(stored, current);
    expect(read.list.map((env) => env.id)).toEqual(["s"]);
    expect(read.active).toBe("s");
  });

  test("add, switch, update and remove", () => {
    let state = readEnvironments(null, current);
    state = addEnvironment(
      state,
      { name: "Staging", proxyUrl: "https://staging.example.com", callerKey: "sk" },
      "s",
    );
    expect(activeEnvironment(state)?.name).toBe("Staging");
    state = updateEnvironment(state, "s", { name: "Staging EU" });
    expect(activeEnvironment(state)?.name).toBe("Staging EU");
    state = removeEnvironment(state, "s");
    expect(state.active).toBe("local");
    expect(removeEnvironment(state, "local")).toBe(state);
  });

  test("an export never holds a caller key", () => {
    const state = addEnvironment(
      readEnvironments(null, current),
      { name: "Prod", proxyUrl: "https://proxy.example.com", callerKey: "sk_live_secret" },
      "p",
    );
    const text = exportEnvironments(state);
    expect(text).not.toContain("sk_live_secret");
    expect(text).not.toContain("dev-caller-key");
    expect(text).not.toMatch(/callerKey/i);
    expect(JSON.parse(text).environments).toEqual([
      { name: "Local stack", proxyUrl: "http://127.0.0.1:8787" },
      { name: "Prod", proxyUrl: "https://proxy.example.com" },
    ]);
  });
});
