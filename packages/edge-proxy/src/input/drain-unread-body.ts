import type { MiddlewareHandler } from "hono";

/** At most this much of an unread body is read and thrown away (a little above the largest accepted body). */
const DRAIN_MAX_BYTES = 2 * 1024 * 1024;
/** And for at most this long: a client that uploads slower than that gets its answer anyway. */
const DRAIN_MAX_MS = 5_000;

/**
 * When the proxy answers before reading the body (a refused caller, a rate limit, a wrong path), the client
 * may still be uploading; closing the connection then makes it fail with a reset instead of reading the answer.
 * So an unread body is read and discarded, bounded in bytes and time, before the answer goes out.
 */
export const drainUnreadBody: MiddlewareHandler = async (c, next) => {
  await next();
  const body = c.req.raw.body;
  if (body === null || c.req.raw.bodyUsed || body.locked) return;
  const reader = body.getReader();
  const deadline = Date.now() + DRAIN_MAX_MS;
  let total = 0;
  try {
    while (total <= DRAIN_MAX_BYTES && Date.now() < deadline) {
      const timeLeft = deadline - Date.now();
      const chunk = await Promise.race([
        reader.read(),
        new Promise<undefined>((resolve) => setTimeout(resolve, timeLeft)),
      ]);
      if (chunk === undefined || chunk.done) break;
      total += chunk.value.byteLength;
    }
  } catch {
    // The client went away: nothing left to protect.
  } finally {
    await reader.cancel().catch(() => {});
  }
};
