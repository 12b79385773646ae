import { LivenessError } from "./liveness-error.js";

/** The request never got an answer: the connection failed (`NetworkError`) or the time ran out (`Timeout`). */
export class NetworkError extends LivenessError {
  constructor(code: "NetworkError" | "Timeout", message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
