import { LivenessError } from "./liveness-error.js";

/** Thrown when an answer is not JSON or not the shape the API documents. */
export class ResponseFormatError extends LivenessError {
  declare readonly httpStatus: number;
  declare readonly requestId: string | undefined;

  constructor(message: string, httpStatus: number, requestId?: string) {
    super("ResponseFormatError", message);
    this.httpStatus = httpStatus;
    this.requestId = requestId;
  }
}
