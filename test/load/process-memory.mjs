import { readdirSync, readFileSync } from "node:fs";

/**
 * Memory of the `workerd` processes (the runtime under `wrangler dev`) started below `rootPid`, read from
 * /proc (Linux only): resident set size now and its peak, in bytes. Undefined when none is found.
 * @param {number} rootPid the process that started the stack
 * @returns {{ pids: number[]; rssBytes: number; peakRssBytes: number } | undefined}
 */
export function workerdMemory(rootPid) {
  const pids = descendants(rootPid).filter((pid) => read(`/proc/${pid}/comm`)?.trim() === "workerd");
  if (pids.length === 0) return undefined;
  let rssBytes = 0;
  let peakRssBytes = 0;
  for (const pid of pids) {
    const status = read(`/proc/${pid}/status`) ?? "";
    rssBytes += kilobytes(status, "VmRSS") * 1024;
    peakRssBytes += kilobytes(status, "VmHWM") * 1024;
  }
  return { pids, rssBytes, peakRssBytes };
}

function descendants(rootPid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    // The command name may hold spaces and parentheses: the fields after the last ")" are fixed.
    const stat = read(`/proc/${entry}/stat`);
    if (stat === undefined) continue;
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(entry));
  }
  const found = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function kilobytes(status, field) {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) : 0;
}

function read(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    // The process ended while we looked.
    return undefined;
  }
}
