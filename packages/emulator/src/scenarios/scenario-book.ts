import type { ScenarioRule } from "./scenario-rule.js";

/** Which calls a rule applies to: one MerchantBizId, one MerchantUserId, or (neither) every call. */
export interface ScenarioMatch {
  merchantBizId?: string;
  merchantUserId?: string;
}

/** Every rule held, as the admin API shows it. */
export interface ScenarioListing {
  default: ScenarioRule | null;
  byMerchantBizId: Record<string, ScenarioRule>;
  byMerchantUserId: Record<string, ScenarioRule>;
}

/**
 * The scenario rules, keyed so that a caller chooses an outcome without touching the signed request: a rule for
 * a MerchantBizId wins over one for a MerchantUserId, which wins over the default rule. A rule with `times`
 * is used up after that many calls. At most `maxRules` keyed rules are held (memory stays bounded).
 */
export class ScenarioBook {
  #default: ScenarioRule | undefined;
  readonly #byBizId = new Map<string, ScenarioRule>();
  readonly #byUserId = new Map<string, ScenarioRule>();
  readonly #maxRules: number;

  constructor(options: { maxRules?: number } = {}) {
    this.#maxRules = options.maxRules ?? 10_000;
  }

  /** Sets the rule for a match; false when the book is full. */
  set(match: ScenarioMatch, rule: ScenarioRule): boolean {
    if (match.merchantBizId === undefined && match.merchantUserId === undefined) {
      this.#default = { ...rule };
      return true;
    }
    const map = match.merchantBizId !== undefined ? this.#byBizId : this.#byUserId;
    const key = match.merchantBizId ?? match.merchantUserId ?? "";
    if (!map.has(key) && this.#byBizId.size + this.#byUserId.size >= this.#maxRules) return false;
    map.set(key, { ...rule });
    return true;
  }

  /** Removes the rule of a match (the default rule when the match is empty); true when there was one. */
  delete(match: ScenarioMatch): boolean {
    if (match.merchantBizId !== undefined) return this.#byBizId.delete(match.merchantBizId);
    if (match.merchantUserId !== undefined) return this.#byUserId.delete(match.merchantUserId);
    const had = this.#default !== undefined;
    this.#default = undefined;
    return had;
  }

  /** Removes every rule. */
  clear(): void {
    this.#default = undefined;
    this.#byBizId.clear();
    this.#byUserId.clear();
  }

  /** Every rule held. */
  list(): ScenarioListing {
    return {
      default: this.#default ? { ...this.#default } : null,
      byMerchantBizId: Object.fromEntries([...this.#byBizId].map(([key, rule]) => [key, { ...rule }])),
      byMerchantUserId: Object.fromEntries([...this.#byUserId].map(([key, rule]) => [key, { ...rule }])),
    };
  }

  /** The keyed rule for a call (MerchantBizId first), counting one use of it; undefined when none matches. */
  takeKeyed(merchantBizId: string | undefined, merchantUserId: string | undefined): ScenarioRule | undefined {
    if (merchantBizId !== undefined && this.#byBizId.has(merchantBizId)) {
      return use(this.#byBizId, merchantBizId);
    }
    if (merchantUserId !== undefined && this.#byUserId.has(merchantUserId)) {
      return use(this.#byUserId, merchantUserId);
    }
    return undefined;
  }

  /** The default rule, counting one use of it; undefined when none is set. */
  takeDefault(): ScenarioRule | undefined {
    const rule = this.#default;
    if (!rule) return undefined;
    if (rule.times !== undefined) {
      if (rule.times <= 1) this.#default = undefined;
      else this.#default = { ...rule, times: rule.times - 1 };
    }
    return rule;
  }
}

function use(map: Map<string, ScenarioRule>, key: string): ScenarioRule | undefined {
  const rule = map.get(key);
  if (rule?.times !== undefined) {
    if (rule.times <= 1) map.delete(key);
    else map.set(key, { ...rule, times: rule.times - 1 });
  }
  return rule;
}
