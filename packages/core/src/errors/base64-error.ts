import { LivenessError } from "./liveness-error.js";

/** Thrown when a string is not valid standard base64 (the alphabet, the padding or the length is wrong). */
export class Base64Error extends LivenessError {
  constructor(message: string) {
    super("InvalidBase64", message);
  }
}
