// Timing inside workerd, for the bench Workers: the isolate's clock moves only between events (a Spectre
// mitigation), so a timed loop is closed by a zero-delay timer, and a loop of N repetitions resolves 1/N ms.

/** A zero-delay timer: an event, after which the isolate's clock has moved. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Mean ms of `step` over `runs` repetitions, less the cost of the closing timer. */
export async function timed(runs, step) {
  await tick();
  const idleStart = Date.now();
  await tick();
  const idle = Date.now() - idleStart;
  const started = Date.now();
  for (let run = 0; run < runs; run++) await step();
  await tick();
  return Math.max(0, Date.now() - started - idle) / runs;
}
