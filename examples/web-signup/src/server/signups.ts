import { createHash, randomBytes } from "node:crypto";

/** One person's sign-up, kept in memory (a real app keeps it in its database). */
export interface Signup {
  readonly id: string;
  readonly email: string;
  /** SHA-256 (hex) of the email: the MerchantUserId the page's element sends. */
  readonly hashedUserId: string;
  /** The caller token's subject for this sign-up; the proxy writes it into the receipt's `sub`. */
  readonly subject: string;
  /** Every MerchantBizId issued to this sign-up, one per check. */
  readonly merchantBizIds: string[];
  tokensIssued: number;
  verified: boolean;
}

/** How many checks and tokens one sign-up may use: a page cannot make the app pay for endless calls. */
export const MAX_ATTEMPTS = 5;
export const MAX_TOKENS = 20;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** The sign-ups of this process. */
export function createSignupStore() {
  const signups = new Map<string, Signup>();
  return {
    create(email: string): Signup | undefined {
      if (typeof email !== "string" || !EMAIL.test(email)) return undefined;
      const id = randomBytes(12).toString("hex");
      const signup: Signup = {
        id,
        email,
        hashedUserId: createHash("sha256").update(email).digest("hex"),
        subject: `signup-${id}`,
        merchantBizIds: [randomBytes(16).toString("hex")],
        tokensIssued: 0,
        verified: false,
      };
      signups.set(id, signup);
      return signup;
    },
    get(id: string): Signup | undefined {
      return signups.get(id);
    },
    /** A new MerchantBizId for another check, or undefined once the attempts are used up. */
    newAttempt(signup: Signup): string | undefined {
      if (signup.merchantBizIds.length >= MAX_ATTEMPTS) return undefined;
      const id = randomBytes(16).toString("hex");
      signup.merchantBizIds.push(id);
      return id;
    },
  };
}
