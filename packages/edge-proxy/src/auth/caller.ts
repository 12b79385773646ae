import type { CallerRole } from "../config/proxy-config.js";
import type { TokenBucketRule } from "../limits/token-bucket.js";

/** Who is calling, once authenticated. */
export interface Caller {
  /** Scopes rate limits and idempotency keys: `key:<id>` or `token:<subject>`. */
  id: string;
  kind: "key" | "token";
  /** The receipt's `sub`: the key's configured id, or the token's subject. */
  subject: string;
  /** Tokens are always `browser`; a key has its configured role. */
  role: CallerRole;
  /** Safe to log: `key:<id>` or `token` (a token's subject may be a user id). */
  logName: string;
  /** The token's id, for tokens. */
  tokenId?: string;
  rate: TokenBucketRule;
}
