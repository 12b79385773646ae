import { describe, expect, test } from "vitest";
import { resolveTheme } from "./apply-theme.js";

describe("resolveTheme", () => {
  test("an explicit theme wins over the system", () => {
    expect(resolveTheme("light", () => false)).toBe("light");
    expect(resolveTheme("high-contrast", () => false)).toBe("high-contrast");
  });

  test("system follows prefers-color-scheme, and contrast preferences pick high contrast", () => {
    expect(resolveTheme("system", (q) => q === "(prefers-color-scheme: light)")).toBe("light");
    expect(resolveTheme("system", () => false)).toBe("dark");
    expect(resolveTheme("system", (q) => q === "(prefers-contrast: more)")).toBe("high-contrast");
    expect(resolveTheme("system", (q) => q === "(forced-colors: active)")).toBe("high-contrast");
  });
});
