import type { Context } from "hono";
import type { EmulatorEnv } from "./emulator-env.js";
import { AcsError, acsErrorResponse } from "./gateway/acs-error.js";
import { createRequestId } from "./gateway/request-id.js";
import { DroppedConnection } from "./scenarios/dropped-connection.js";

/**
 * The app's error handler. An {@link AcsError} becomes Alibaba's error body; a {@link DroppedConnection}
 * closes the Node socket without an answer (on a Worker, where there is no socket, it is thrown on so the
 * runtime fails the request); anything else is a bug and answers `InternalError` 500 without details.
 */
export function renderError(error: Error, c: Context<EmulatorEnv>): Response {
  const requestId = c.var.requestId ?? createRequestId();
  if (error instanceof DroppedConnection) {
    c.set("answerCode", error.message === "hang" ? "NoAnswer" : "ConnectionDropped");
    const socket = nodeSocketOf(c);
    if (!socket) throw error;
    socket.destroy();
    // Never written: the socket is gone. Node's server drops a response to a destroyed socket.
    return new Response(null, { status: 499 });
  }
  const acsError =
    error instanceof AcsError
      ? error
      : new AcsError("InternalError", "The request processing has failed due to some unknown error.");
  c.set("answerCode", acsError.code);
  return acsErrorResponse(acsError, requestId, c.var.hostId ?? "");
}

// @hono/node-server puts the IncomingMessage in the bindings; a Worker's env has none.
function nodeSocketOf(c: Context<EmulatorEnv>): { destroy(): void } | undefined {
  const incoming = (c.env as { incoming?: { socket?: { destroy?: unknown } } } | undefined)?.incoming;
  const socket = incoming?.socket;
  return socket && typeof socket.destroy === "function" ? (socket as { destroy(): void }) : undefined;
}
