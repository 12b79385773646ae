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

  test("closable tabs: the × and Delete close, the last one stays, selecting a closed one reopens it", async () => {
    const arrangements: string[] = [];
    const tabs = createTabList(
      "Editors",
      "e",
      [
        { id: "a", label: "Alpha", panel: h("div", {}, "A") },
        { id: "b", label: "Beta", panel: h("div", {}, "B") },
        { id: "c", label: "Gamma", panel: h("div", {}, "C") },
      ],
      "a",
      () => {},
      { closable: true, onArrange: (next) => arrangements.push(next.open.join("")) },
    );
    document.body.append(tabs.tablist, tabs.panels);
    const visible = () =>
      [...tabs.tablist.querySelectorAll<HTMLButtonElement>("[role=tab]")]
        .filter((b) => !b.hidden)
        .map((b) => b.id);
    (document.querySelector("[data-testid=e-close-b]") as HTMLElement).click();
    expect(visible()).toEqual(["e-tab-a", "e-tab-c"]);
    expect(tabs.selected()).toBe("a");
    (document.querySelector("#e-tab-a") as HTMLElement).focus();
    await userEvent.keyboard("{Delete}");
    expect(visible()).toEqual(["e-tab-c"]);
    expect(tabs.selected()).toBe("c");
    expect(document.activeElement?.id).toBe("e-tab-c");
    expect(document.querySelector<HTMLElement>("#e-panel-c")?.hidden).toBe(false);
    await userEvent.keyboard("{Delete}");
    expect(visible()).toEqual(["e-tab-c"]);
    tabs.select("b");
    expect(visible()).toEqual(["e-tab-b", "e-tab-c"]);
    expect(arrangements).toEqual(["ac", "c", "bc"]);
  });

  test("closable tabs move with Alt+Shift+Arrow and by drag and drop; a stored arrangement is restored", async () => {
    const tabs = createTabList(
      "Editors",
      "m",
      [
        { id: "a", label: "Alpha", panel: h("div", {}, "A") },
        { id: "b", label: "Beta", panel: h("div", {}, "B") },
        { id: "c", label: "Gamma", panel: h("div", {}, "C") },
      ],
      "a",
      () => {},
      { closable: true, arrangement: { order: ["c", "a", "b"], open: ["c", "a"] } },
    );
    document.body.append(tabs.tablist, tabs.panels);
    const order = () => [...tabs.tablist.querySelectorAll("[role=tab]")].map((b) => b.id.slice(-1));
    expect(order()).toEqual(["c", "a", "b"]);
    expect(tabs.arrangement().open).toEqual(["c", "a"]);
    (document.querySelector("#m-tab-a") as HTMLElement).focus();
    await userEvent.keyboard("{Alt>}{Shift>}{ArrowLeft}{/Shift}{/Alt}");
    expect(order()).toEqual(["a", "c", "b"]);
    expect(document.activeElement?.id).toBe("m-tab-a");
    const data = new DataTransfer();
    document
      .querySelector("#m-tab-a")!
      .dispatchEvent(new DragEvent("dragstart", { dataTransfer: data, bubbles: true }));
    document
      .querySelector("#m-tab-b")!
      .dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    expect(order()).toEqual(["c", "b", "a"]);
    tabs.arrange({ order: ["a", "b", "c"], open: ["a", "b", "c"] });
    expect(order()).toEqual(["a", "b", "c"]);
    expect(tabs.arrangement().open).toEqual(["a", "b", "c"]);
  });
});
