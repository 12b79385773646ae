/** The base of every error core throws: `instanceof LivenessError` catches them all. */
export class LivenessError extends Error {
  // The errors' properties are `declare`d and set in their constructors: a class field would only add bytes to
  // browser bundles (it is emitted as a definition before the constructor's assignment).
  /** A stable, machine-readable code (`ValidationError`, `InvalidBase64`, an Alibaba code, ...). */
  declare readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
