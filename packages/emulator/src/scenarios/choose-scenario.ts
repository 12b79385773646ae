import type { FaultInjector } from "./fault-injector.js";
import type { ScenarioBook } from "./scenario-book.js";
import type { ScenarioRule } from "./scenario-rule.js";

/**
 * The scenario of one FaceLivenessV2 call: the rule for its MerchantBizId, else for its MerchantUserId, else
 * a probabilistic fault when one is drawn, else the default rule; undefined means the normal answer.
 */
export function chooseScenario(
  scenarios: ScenarioBook,
  faults: FaultInjector,
  call: { merchantBizId: string | undefined; merchantUserId: string | undefined },
): ScenarioRule | undefined {
  return (
    scenarios.takeKeyed(call.merchantBizId, call.merchantUserId) ?? faults.roll() ?? scenarios.takeDefault()
  );
}
