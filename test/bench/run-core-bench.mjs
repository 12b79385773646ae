import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const coreDir = fileURLToPath(new URL("../../packages/core/", import.meta.url));

/**
 * Runs one of core's own benchmark scripts (packages/core/bench/) in core's folder, as its `pnpm bench`
 * does, and hands back what it printed. The scripts are reused, not copied: the report reads their output.
 * A script that exits non-zero (a budget it enforces was missed) still has its figures read.
 * @param {string} script e.g. "sign.bench.mjs"
 * @returns {Promise<{ stdout: string; exitCode: number }>}
 */
export function runCoreBench(script) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [`bench/${script}`],
      { cwd: coreDir, maxBuffer: 16 * 1024 * 1024, timeout: 600_000 },
      (error, stdout) => {
        if (error && typeof error.code !== "number") reject(error);
        else resolve({ stdout, exitCode: error ? error.code : 0 });
      },
    );
  });
}

/**
 * The rows of sign.bench.mjs's table (`<case>  <ms/op>  <ratio>x  <goal>`), by case name.
 * @param {string} stdout
 * @returns {Map<string, { ms: number; ratio: number }>}
 */
export function parseSignBench(stdout) {
  const rows = new Map();
  for (const line of stdout.split("\n")) {
    const match = /^(\S.*?)\s{2,}(\d+\.\d+)\s+(\d+\.\d+)x/.exec(line);
    if (match) rows.set(match[1], { ms: Number(match[2]), ratio: Number(match[3]) });
  }
  return rows;
}

/**
 * The rows of size.mjs's `console.table` (bundle name to min and min+gz bytes).
 * @param {string} stdout
 * @returns {Map<string, { min: number; gzip: number }>}
 */
export function parseSizeBench(stdout) {
  const rows = new Map();
  let header;
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("│")) continue;
    const cells = line
      .split("│")
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/^(['"])(.*)\1$/, "$2"));
    if (header === undefined) {
      header = cells;
      continue;
    }
    const cell = (name) => cells[header.indexOf(name)];
    rows.set(cell("bundle"), { min: Number(cell("min (B)")), gzip: Number(cell("min+gz (B)")) });
  }
  return rows;
}

/**
 * The figures receipt.bench.mjs prints as JSON on its last line.
 * @param {string} stdout
 * @returns {{ receiptChars: number; sign: { wallMs: number; cpuMs: number }; verify: { wallMs: number; cpuMs: number } }}
 */
export function parseReceiptBench(stdout) {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  const parsed = JSON.parse(last);
  if (typeof parsed?.sign?.cpuMs !== "number" || typeof parsed?.verify?.cpuMs !== "number") {
    throw new Error("receipt.bench.mjs printed no figures");
  }
  return parsed;
}
