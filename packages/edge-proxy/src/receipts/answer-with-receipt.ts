import type { JsonAnswer } from "../answers/json-answer.js";
import type { ReceiptConfig } from "../config/receipt-config.js";
import { signReceipt } from "./sign-receipt.js";

/**
 * The answer as sent: a decided answer (one that kept its `decision`) gets a freshly signed `receipt`;
 * the decision itself stays with the stored answer and is never sent as it is.
 */
export async function answerWithReceipt(
  answer: JsonAnswer,
  config: ReceiptConfig,
  origin: string,
): Promise<JsonAnswer> {
  const { decision, ...sent } = answer;
  if (decision === undefined) return sent;
  return { ...sent, body: { ...sent.body, receipt: await signReceipt(decision, config, origin) } };
}
