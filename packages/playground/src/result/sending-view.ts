import type { AppState } from "../shell/app-state.js";
import { h } from "../shell/h.js";

/**
 * The Response tab while a request runs: that it is sending, for how long, which attempt, and Cancel. Returns
 * the function that stops its clock.
 */
export function renderSending(
  container: HTMLElement,
  read: () => Pick<AppState, "sendingSince" | "sendingAttempt" | "settings">,
  cancel: () => void,
): () => void {
  const state = read();
  const elapsed = h("span", { "data-testid": "sending-elapsed" });
  const attempt = h("span", { "data-testid": "sending-attempt" });
  const total = state.settings.retries + 1;
  const update = () => {
    const now = read();
    const since = now.sendingSince ?? performance.now();
    elapsed.textContent = `${((performance.now() - since) / 1000).toFixed(1)} s`;
    attempt.textContent = `attempt ${now.sendingAttempt ?? 1} of up to ${total}`;
  };
  update();
  container.replaceChildren(
    h(
      "div",
      { class: "sending-card", "data-testid": "sending" },
      // Announced once; the ticking figures are outside the live region so they do not flood screen readers.
      h("h3", { role: "status" }, "Sending…"),
      h("p", {}, elapsed, ", ", attempt, ` (timeout ${state.settings.timeoutMs / 1000} s per attempt)`),
      h(
        "button",
        { type: "button", class: "small", "data-testid": "cancel-send", onclick: cancel },
        "Cancel (Escape)",
      ),
    ),
  );
  const timer = setInterval(update, 100);
  return () => clearInterval(timer);
}
