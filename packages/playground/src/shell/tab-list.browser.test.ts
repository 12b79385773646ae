import { afterEach, describe, expect, test } from "vitest";
import { userEvent } from "vitest/browser";
import { h } from "./h.js";
import { createTabList } from "./tab-list.js";

afterEach(() => document.body.replaceChildren());

function mount() {
  const selected: string[] = [];
  const tabs = createTabList(
    "Panel",
    "t",
    [
      { id: "a", label: "Alpha", panel: h("div", {}, "A") },
      { id: "b", label: "Beta", panel: h("div", {}, "B") },
      { id: "c", label: "Gamma", panel: h("div", {}, "C") },
    ],
    "a",
    (id) => selected.push(id),
  );
  document.body.append(h("button", { type: "button" }, "before"), tabs.tablist, tabs.panels);
  return { tabs, selected };
}

describe("createTabList (real Chromium, real keyboard)", () => {
  test("has the ARIA tabs structure: one tab stop, labelled panels, only the selected panel shown", () => {
    const { tabs } = mount();
    const buttons = [...tabs.tablist.querySelectorAll<HTMLButtonElement>("[role=tab]")];
    expect(tabs.tablist.getAttribute("role")).toBe("tablist");
    expect(buttons.map((b) => [b.textContent, b.getAttribute("aria-selected"), b.tabIndex])).toEqual([
      ["Alpha", "true", 0],
      ["Beta", "false", -1],
      ["Gamma", "false", -1],
    ]);
    const panels = [...tabs.panels.children] as HTMLElement[];
    expect(panels.map((p) => [p.getAttribute("role"), p.getAttribute("aria-labelledby"), p.hidden])).toEqual([
      ["tabpanel", "t-tab-a", false],
      ["tabpanel", "t-tab-b", true],
      ["tabpanel", "t-tab-c", true],
    ]);
  });

  test("Tab reaches the selected tab; arrows, Home and End move and select, wrapping around", async () => {
    const { tabs, selected } = mount();
    (document.body.firstElementChild as HTMLElement).focus();
    await userEvent.keyboard("{Tab}");
    expect(document.activeElement?.textContent).toBe("Alpha");
    await userEvent.keyboard("{ArrowRight}");
    expect(document.activeElement?.textContent).toBe("Beta");
    await userEvent.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(document.activeElement?.textContent).toBe("Gamma");
    await userEvent.keyboard("{Home}");
    expect(tabs.selected()).toBe("a");
    await userEvent.keyboard("{End}");
    expect(tabs.selected()).toBe("c");
    expect(selected).toEqual(["b", "a", "c", "a", "c"]);
    expect((tabs.panels.children[2] as HTMLElement).hidden).toBe(false);
  });

  test("Tab from the tab strip goes to the panel, not to the other tabs", async () => {
    mount();
    (document.querySelector("[role=tab]") as HTMLElement).focus();
    await userEvent.keyboard("{Tab}");
    expect(document.activeElement?.getAttribute("role")).toBe("tabpanel");
  });
});
