import { describe, expect, test } from "vitest";
import { pathAt } from "./path-at.js";

const text = '{ "merchantBizId": "abc", "image": { "url": "https://x" }, "list": [1, 2] }';

describe("pathAt", () => {
  test("finds keys and values, nested", () => {
    expect(pathAt(text, text.indexOf("merchantBizId"))).toMatchObject({ path: ["merchantBizId"], on: "key" });
    expect(pathAt(text, text.indexOf("abc"))).toMatchObject({ path: ["merchantBizId"], on: "value" });
    expect(pathAt(text, text.indexOf('"url"') + 2)).toMatchObject({ path: ["image", "url"], on: "key" });
    expect(pathAt(text, text.indexOf("https"))).toMatchObject({ path: ["image", "url"], on: "value" });
    expect(pathAt(text, text.indexOf("2]"))).toMatchObject({ path: ["list", 1], on: "value" });
  });

  test("nothing between tokens or in invalid JSON", () => {
    expect(pathAt(text, 1)).toBeUndefined();
    expect(pathAt('{ "a": ', 3)).toBeUndefined();
  });
});
