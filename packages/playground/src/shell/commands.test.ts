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

  test("synonyms: 'pick' finds the image chooser, 'selfie' the camera, 'run' Send", () => {
    const app = [
      command("Image", "Choose an image file…"),
      command("Image", "Take a photo with the camera…"),
      ...all,
    ];
    expect(filterCommands(app, "pick")[0]?.title).toBe("Choose an image file…");
    expect(filterCommands(app, "pick image")[0]?.title).toBe("Choose an image file…");
    expect(filterCommands(app, "selfie").map((c) => c.title)).toContain("Take a photo with the camera…");
    expect(filterCommands(app, "run")[0]?.title).toBe("Send");
  });

  test("fuzzy: the letters in order inside one word match, after every direct match", () => {
    expect(filterCommands(all, "tmln").map((c) => c.title)).toEqual(["Show Timeline"]);
    expect(filterCommands(all, "cntrst").map((c) => c.title)).toEqual(["High Contrast"]);
    // A direct match ranks before a fuzzy one.
    const ranked = filterCommands([command("View", "Sandbox"), command("Request", "Snd")], "snd");
    expect(ranked.map((c) => c.title)).toEqual(["Snd", "Sandbox"]);
  });
});
