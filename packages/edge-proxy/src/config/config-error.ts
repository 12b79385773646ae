/**
 * The Worker's settings are wrong or missing. `problems` name the variables and what is wrong with
 * them, never their values (a value may be a secret).
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`the proxy is misconfigured: ${problems.join("; ")}`);
    this.problems = problems;
  }
}
