import { describe, expect, test } from "vitest";
import { type Command, filterCommands } from "./commands.js";

const command = (category: string, title: string): Command => ({ id: title, category, title, run: () => {} });
const all = [
  command("Request", "Send"),
  command("Sample", "Load Attack"),
  command("View", "Show Timeline"),
  command("Theme", "High Contrast"),
  command("Request", "New MerchantBizId"),
];

describe("filterCommands", () => {
  test("an empty query lists everything in order", () => {
    expect(filterCommands(all, "  ").map((c) => c.title)).toEqual(all.map((c) => c.title));
  });

  test("every word must match, in the category or the title, case-insensitively", () => {
    expect(filterCommands(all, "theme contrast").map((c) => c.title)).toEqual(["High Contrast"]);
    expect(
      filterCommands(all, "REQUEST")
        .map((c) => c.title)
        .sort(),
    ).toEqual(["New MerchantBizId", "Send"]);
    expect(filterCommands(all, "nothing like this")).toEqual([]);
  });

  test("word-start matches rank before matches inside words", () => {
    const ranked = filterCommands([command("View", "Toggle Status"), command("Sample", "Load Attack")], "at");
    expect(ranked.map((c) => c.title)).toEqual(["Load Attack", "Toggle Status"]);
  });
});
