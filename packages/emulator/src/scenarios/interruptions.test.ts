import { describe, expect, it } from "vitest";
import { Interruptions } from "./interruptions.js";

describe("Interruptions", () => {
  it("a hang lasts until the client aborts", async () => {
    const interruptions = new Interruptions();
    const controller = new AbortController();
    let done = false;
    const waiting = interruptions.hang(controller.signal).then(() => {
      done = true;
    });
    await Promise.resolve();
    expect(done).toBe(false);
    expect(interruptions.pending).toBe(1);
    controller.abort();
    await waiting;
    expect(done).toBe(true);
    expect(interruptions.pending).toBe(0);
  });

  it("releaseAll ends hangs and sleeps and makes later ones return at once", async () => {
    const interruptions = new Interruptions();
    const hang = interruptions.hang();
    const sleep = interruptions.sleep(60_000);
    expect(interruptions.pending).toBe(2);
    interruptions.releaseAll();
    await Promise.all([hang, sleep]);
    expect(interruptions.pending).toBe(0);
    await interruptions.hang();
  });

  it("a sleep ends by itself", async () => {
    const interruptions = new Interruptions();
    await interruptions.sleep(1);
    await interruptions.sleep(0);
    expect(interruptions.pending).toBe(0);
  });

  it("an aborted signal does not wait", async () => {
    const interruptions = new Interruptions();
    await interruptions.hang(AbortSignal.abort());
    expect(interruptions.pending).toBe(0);
  });
});
