import { afterEach, describe, expect, test } from "vitest";
import { userEvent } from "vitest/browser";
import { createCommandPalette } from "./command-palette.js";
import type { Command } from "./commands.js";
import { h } from "./h.js";

afterEach(() => document.body.replaceChildren());

function mount() {
  const ran: string[] = [];
  const command = (category: string, title: string): Command => ({
    id: title,
    category,
    title,
    run: () => void ran.push(title),
  });
  const palette = createCommandPalette(() => [
    command("Request", "Send"),
    command("Theme", "Dark"),
    command("Theme", "Light"),
  ]);
  const opener = h("button", { type: "button" }, "open");
  document.body.append(opener, palette.element);
  opener.focus();
  return { palette, ran, opener };
}

describe("command palette (real Chromium, real keyboard)", () => {
  test("opens as a modal with the combobox focused, filters as you type, Enter runs the highlighted command", async () => {
    const { palette, ran } = mount();
    palette.open();
    expect(palette.element.open).toBe(true);
    const input = document.activeElement as HTMLInputElement;
    expect(input.getAttribute("role")).toBe("combobox");
    await userEvent.keyboard("theme");
    const options = [...palette.element.querySelectorAll("[role=option]")].map((o) => o.textContent);
    expect(options).toEqual(["Theme: Dark", "Theme: Light"]);
    await userEvent.keyboard("{ArrowDown}");
    const active = input.getAttribute("aria-activedescendant");
    expect(document.getElementById(active ?? "")?.textContent).toBe("Theme: Light");
    await userEvent.keyboard("{Enter}");
    expect(ran).toEqual(["Light"]);
    expect(palette.element.open).toBe(false);
  });

  test("Escape closes it and gives focus back", async () => {
    const { palette, ran, opener } = mount();
    palette.open();
    await userEvent.keyboard("{Escape}");
    expect(palette.element.open).toBe(false);
    expect(document.activeElement).toBe(opener);
    expect(ran).toEqual([]);
  });

  test("a query that matches nothing says so and Enter does nothing", async () => {
    const { palette, ran } = mount();
    palette.open();
    await userEvent.keyboard("zzz{Enter}");
    expect(palette.element.textContent).toContain("No matching command");
    expect(ran).toEqual([]);
    expect(palette.element.open).toBe(true);
  });
});
