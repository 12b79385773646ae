import { describe, expect, test } from "vitest";
import { STACK } from "../support/stack-urls.js";

// Issue 12, point 9: under `wrangler dev`, a refused upload whose rest the proxy left unread made the next
// request hang (GET) or fail with a plain-text 503 "Your worker restarted mid-request" (POST). A refused upload
// must cost the next caller nothing.

/** A JSON body of about 5.4 MB: a 4 MB photo as base64, well over MAX_BODY_BYTES and the 4 MiB drain bound. */
function oversizedBody(): string {
  return JSON.stringify({ merchantUserId: "0".repeat(64), image: { base64: "A".repeat(5_400_000) } });
}

/** Far above a healthy answer (milliseconds), far below the hang it guards against (tens of seconds). */
const NEXT_ANSWER_WITHIN_MS = 8_000;

describe("an oversized upload under the local stack", () => {
  test("is answered 413, and the requests after it are answered at once", async () => {
    for (let round = 0; round < 2; round++) {
      const refused = await fetch(`${STACK.proxy}/v1/face-liveness`, {
        method: "POST",
        headers: { authorization: `Bearer ${STACK.callerKey}`, "content-type": "application/json" },
        body: oversizedBody(),
      });
      expect(refused.status).toBe(413);
      expect(await refused.json()).toMatchObject({ code: "payload_too_large" });

      const health = await fetch(`${STACK.proxy}/healthz`, {
        signal: AbortSignal.timeout(NEXT_ANSWER_WITHIN_MS),
      });
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok" });

      // A POST after it gets the proxy's own JSON answer, not wrangler's plain-text 503.
      const next = await fetch(`${STACK.proxy}/v1/face-liveness`, {
        method: "POST",
        headers: { authorization: `Bearer ${STACK.callerKey}`, "content-type": "application/json" },
        body: "{}",
        signal: AbortSignal.timeout(NEXT_ANSWER_WITHIN_MS),
      });
      expect(next.status).toBe(400);
      expect(next.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await next.json()).toMatchObject({ code: "invalid_request" });
    }
  });
});
