export * from "./evaluate-frame.js";
export * from "./hold-timer.js";
export * from "./pixel-stats.js";
export * from "./thresholds.js";
