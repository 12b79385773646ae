// Captures the proxy's log lines during a test (the Worker and the tests share one isolate, so the
// Worker's console.log is the one spied on here).
import { vi } from "vitest";

/** The JSON log lines written while `work` ran, and everything printed, raw. */
export async function capturedLogs<T>(
  work: () => Promise<T>,
): Promise<{ result: T; lines: Record<string, unknown>[]; raw: string[] }> {
  const raw: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    raw.push(args.map(String).join(" "));
  });
  try {
    const result = await work();
    const lines = raw.flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as unknown;
        return typeof parsed === "object" && parsed !== null ? [parsed as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
    return { result, lines, raw };
  } finally {
    spy.mockRestore();
  }
}
