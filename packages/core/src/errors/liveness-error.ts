/** The base of every error core throws: `instanceof LivenessError` catches them all. */
export class LivenessError extends Error {
  /** A stable, machine-readable code (`ValidationError`, `InvalidBase64`, an Alibaba code, ...). */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
