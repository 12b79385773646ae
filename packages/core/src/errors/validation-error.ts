import { LivenessError } from "./liveness-error.js";

/** One problem with one input field. */
export interface ValidationIssue {
  /** The input field, e.g. `merchantBizId` or `facePictureBase64`. */
  readonly field: string;
  /** A stable code: `required`, `invalid_format`, `too_long`, `not_https`, `one_picture_source`, ... */
  readonly code: string;
  /** A sentence a developer can act on. */
  readonly message: string;
}

/** Thrown when an input breaks the API's rules; `issues` lists every problem, not only the first. */
export class ValidationError extends LivenessError {
  declare readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super(
      "ValidationError",
      `Invalid input: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join("; ")}`,
    );
    this.issues = issues;
  }
}
