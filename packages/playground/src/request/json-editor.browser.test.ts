import { afterEach, describe, expect, test } from "vitest";
import { userEvent } from "vitest/browser";
import { createJsonEditor, type JsonEditor } from "./json-editor.js";

let editor: JsonEditor | undefined;
afterEach(() => {
  editor?.destroy();
  document.body.replaceChildren();
});

function mount(doc: string) {
  const changes: string[] = [];
  const parent = document.createElement("div");
  document.body.append(parent);
  editor = createJsonEditor(parent, {
    doc,
    onChange: (text) => changes.push(text),
    completionContext: () => ({}),
  });
  return { parent, changes, content: parent.querySelector<HTMLElement>(".cm-content")! };
}

describe("JSON editor (CodeMirror in real Chromium)", () => {
  test("underlines schema problems where they are, with the schema's message", async () => {
    const { parent } = mount('{\n  "merchantUserId": "alice",\n  "image": { "base64": "<image>" }\n}\n');
    await expect
      .poll(() => parent.querySelectorAll(".cm-lintRange-error").length, { timeout: 5_000 })
      .toBe(1);
    expect(parent.querySelector(".cm-lintRange-error")?.textContent).toBe('"alice"');
  });

  test("edits reach the app; text set by the app does not echo back", async () => {
    const { changes, content } = mount("{}");
    editor?.setText('{ "faceQualityCheck": true }');
    expect(content.textContent).toContain("faceQualityCheck");
    expect(changes).toEqual([]);
    content.focus();
    await userEvent.keyboard("{Control>}{End}{/Control} ");
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.at(-1)).toBe('{ "faceQualityCheck": true } ');
  });

  test("offers the request's field names while typing a key", async () => {
    const { parent, content } = mount("{\n  \n}");
    content.focus();
    await userEvent.keyboard("{ArrowDown}{End}");
    await userEvent.keyboard('"ima');
    await expect
      .poll(() => parent.querySelector(".cm-tooltip-autocomplete")?.textContent ?? "", { timeout: 5_000 })
      .toContain("image");
    // CodeMirror ignores Enter for its interactionDelay (75 ms) after the list opens, against accidental picks.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await userEvent.keyboard("{Enter}");
    expect(content.textContent).toContain('"image": ');
    expect(content.textContent).not.toContain('"image": "');
  });
});
