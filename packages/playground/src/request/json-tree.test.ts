import type { SyntaxNode } from "@lezer/common";
import { describe, expect, test } from "vitest";
import {
  arrayIndex,
  childrenOf,
  isValueNode,
  parseJsonTree,
  pathTo,
  propertyKey,
  stringValue,
} from "./json-tree.js";

/** The innermost node of `name` at the first occurrence of `marker` in `text`. */
function nodeAt(text: string, marker: string, name: string): SyntaxNode {
  for (
    let node: SyntaxNode | null = parseJsonTree(text).resolveInner(text.indexOf(marker), 1);
    node;
    node = node.parent
  )
    if (node.name === name) return node;
  throw new Error(`no ${name} at ${marker}`);
}

describe("the JSON syntax tree helpers", () => {
  test("the path of a nested value names its keys and indexes", () => {
    const text = '{ "a": [1, { "b\\u0065": "x" }], "c": null }';
    expect(pathTo(nodeAt(text, '"x"', "String"), text)).toEqual(["a", 1, "be"]);
    expect(pathTo(nodeAt(text, "null", "Null"), text)).toEqual(["c"]);
    expect(pathTo(nodeAt(text, '"b\\u', "PropertyName"), text)).toEqual(["a", 1]);
  });

  test("keys and strings are decoded; a broken one gives its raw text", () => {
    const text = '{ "tab\\t": "caf\\u00e9" }';
    const property = nodeAt(text, '"tab', "Property");
    expect(propertyKey(property, text)).toBe("tab\t");
    expect(stringValue(property.lastChild!, text)).toBe("café");
    const broken = '{ "a": "x\\q" }';
    const error = childrenOf(nodeAt(broken, '"a"', "Property")).find((node) => node.type.isError)!;
    expect(stringValue(error, broken)).toBe("x\\q");
  });

  test("an array index counts the commas before a position, so an item being typed counts", () => {
    const text = "[1, 2, ";
    const array = nodeAt(text, "1", "Array");
    expect(arrayIndex(array, 1)).toBe(0);
    expect(arrayIndex(array, text.length)).toBe(2);
    expect(
      childrenOf(array)
        .filter(isValueNode)
        .map((node) => text.slice(node.from, node.to)),
    ).toEqual(["1", "2"]);
  });
});
