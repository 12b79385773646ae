/** What the global shortcuts do. */
export interface KeyHandlers {
  palette(): void;
  send(): void;
  toggleSideBar(): void;
  togglePanel(): void;
  /** Cancels the running send; false when none runs (Escape then does what it does anyway). */
  cancelSend(): boolean;
  /** Shows the problems of request.json (Ctrl/Cmd+Shift+M). */
  problems(): void;
}

/** Whether the platform's command key is Cmd (Apple) rather than Ctrl. */
export function isApple(platform: string = navigator.platform): boolean {
  return /Mac|iPhone|iPad|iPod/.test(platform);
}

/**
 * Installs VS Code's shortcuts on the window, in the capture phase so they work inside the editor too:
 * Ctrl/Cmd+Shift+P and F1 (command palette), Ctrl/Cmd+Enter (send), Ctrl/Cmd+B (side bar), Ctrl/Cmd+J (panel),
 * Ctrl/Cmd+Shift+M (problems), and Escape to cancel a running send (unless a dialog is open: it closes first).
 */
export function installKeybindings(handlers: KeyHandlers, target: Window = window): () => void {
  const listener = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === "Escape" && !mod && !document.querySelector("dialog[open]")) {
      if (handlers.cancelSend()) event.preventDefault();
      return;
    }
    let action: (() => void) | undefined;
    if ((mod && event.shiftKey && event.key.toLowerCase() === "p") || event.key === "F1")
      action = handlers.palette;
    else if (mod && event.shiftKey && event.key.toLowerCase() === "m") action = handlers.problems;
    else if (mod && !event.shiftKey && event.key === "Enter") action = handlers.send;
    else if (mod && !event.shiftKey && event.key.toLowerCase() === "b") action = handlers.toggleSideBar;
    else if (mod && !event.shiftKey && event.key.toLowerCase() === "j") action = handlers.togglePanel;
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };
  target.addEventListener("keydown", listener, { capture: true });
  return () => target.removeEventListener("keydown", listener, { capture: true });
}
