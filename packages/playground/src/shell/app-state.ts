import type { Environments } from "../environments/environments.js";
import type { PickedImage } from "../image/picked-image.js";
import type { RequestDraft } from "../request/request-draft.js";
import type { HistoryEntry } from "../send/history-entry.js";
import type { HealthReport } from "../send/probe-health.js";
import type { SendResult } from "../send/send-result.js";
import type { LogEntry } from "./log-entry.js";
import type { Layout, Settings } from "./settings.js";

/** Everything the views render from. Never holds the raw user id. */
export interface AppState {
  readonly settings: Settings;
  /** Named proxy URL + caller key sets; the active one mirrors settings.proxyUrl and settings.callerKey. */
  readonly environments: Environments;
  /** The proxy URL whose upstream is the local emulator (npm start says so), if any. */
  readonly emulatorProxyUrl?: string;
  readonly layout: Layout;
  readonly draft: RequestDraft;
  /** Who changed the draft last, so the JSON editor does not reformat what the user is typing. */
  readonly draftOrigin: "form" | "json" | "program";
  /** The request JSON as edited (or as generated from the form). */
  readonly jsonText: string;
  /** True when the MerchantBizId was typed or set by a sample: it is then not renewed after a send. */
  readonly bizIdPinned: boolean;
  /** Milliseconds the last user id hash took. */
  readonly hashMs?: number;
  readonly image?: PickedImage;
  readonly sending: boolean;
  /** `performance.now()` when the running send started. */
  readonly sendingSince?: number;
  /** The attempt the running send is on (1, then each retry). */
  readonly sendingAttempt?: number;
  /** Upload progress 0..1 while sending, when the browser can report it; undefined = indeterminate. */
  readonly uploadProgress?: number;
  readonly result?: SendResult;
  /** Round trip of the last request that was sent (a "not sent" result keeps it). */
  readonly lastRequestMs?: number;
  /** The Alibaba region of the last answer that named one. */
  readonly lastRegion?: string;
  readonly health?: HealthReport;
  readonly history: readonly HistoryEntry[];
  readonly log: readonly LogEntry[];
}
