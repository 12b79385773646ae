import { type Command, filterCommands } from "./commands.js";
import { h, replaceChildren } from "./h.js";

/** The command palette: a modal dialog with a combobox filtering a listbox of commands. */
export interface CommandPalette {
  readonly element: HTMLDialogElement;
  /** Opens the palette, with `query` typed in when given (the status bar opens it on "environment"). */
  open(query?: string): void;
  close(): void;
}

/**
 * Builds the palette (Ctrl/Cmd+Shift+P). Follows the ARIA combobox pattern: focus stays in the input, the
 * highlighted option is `aria-activedescendant`; Up/Down move, Enter runs, Escape closes and returns focus.
 */
export function createCommandPalette(commands: () => readonly Command[]): CommandPalette {
  const input = h("input", {
    type: "text",
    role: "combobox",
    "aria-expanded": "true",
    "aria-controls": "palette-list",
    "aria-autocomplete": "list",
    "aria-label": "Type a command",
    placeholder: "Type a command",
    autocomplete: "off",
    spellcheck: "false",
    "data-testid": "palette-input",
  });
  const list = h("ul", { role: "listbox", id: "palette-list", "aria-label": "Commands" });
  const dialog = h(
    "dialog",
    { class: "palette", "aria-label": "Command palette", "data-testid": "command-palette" },
    input,
    list,
  );
  let matches: Command[] = [];
  let active = 0;
  let returnFocus: HTMLElement | null = null;

  const render = () => {
    matches = filterCommands(commands(), input.value);
    active = Math.min(active, Math.max(0, matches.length - 1));
    if (matches.length === 0) {
      replaceChildren(
        list,
        h(
          "li",
          { class: "empty", role: "option", "aria-disabled": "true", "aria-selected": "false" },
          "No matching command",
        ),
      );
      input.removeAttribute("aria-activedescendant");
      return;
    }
    replaceChildren(
      list,
      ...matches.map((command, index) =>
        h(
          "li",
          {
            role: "option",
            id: `palette-option-${index}`,
            "aria-selected": String(index === active),
            onclick: () => run(index),
            onmousemove: () => {
              if (active !== index) {
                active = index;
                render();
              }
            },
          },
          h("span", {}, h("span", { class: "category" }, `${command.category}: `), command.title),
          command.keybinding ? h("kbd", {}, command.keybinding) : null,
        ),
      ),
    );
    input.setAttribute("aria-activedescendant", `palette-option-${active}`);
    list.querySelector(`#palette-option-${active}`)?.scrollIntoView({ block: "nearest" });
  };
  const run = (index: number) => {
    const command = matches[index];
    if (!command) return;
    close();
    void command.run();
  };
  input.addEventListener("input", () => {
    active = 0;
    render();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const n = Math.max(matches.length, 1);
      active = (active + (event.key === "ArrowDown" ? 1 : n - 1)) % n;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      run(active);
    }
  });
  dialog.addEventListener("close", () => returnFocus?.focus());
  dialog.addEventListener("click", (event) => {
    // A click on the backdrop lands on the dialog itself.
    if (event.target === dialog) close();
  });

  function open(query = "") {
    if (dialog.open) return;
    returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.value = query;
    active = 0;
    render();
    dialog.showModal();
    input.focus();
  }
  function close() {
    if (dialog.open) dialog.close();
  }
  return { element: dialog, open, close };
}
