import { SUB_CODES } from "@liveness-kit/core/spec";
import type { FailureExplanation } from "../send/explain-failure.js";
import type { ProxyAnswer } from "../send/read-answer.js";
import type { SendResult } from "../send/send-result.js";
import { type Child, h, replaceChildren } from "../shell/h.js";

/** The scores of an answer, in the order the product page lists them, with what each measures. */
export const SCORES: readonly (readonly [keyof ProxyAnswer["face"], string, string])[] = [
  ["qualityScore", "Quality", "overall face quality"],
  ["occlusionScore", "Occlusion", "higher: less of the face is covered"],
  ["keyAreaOcclusionScore", "Key-area occlusion", "higher: eyes, nose and mouth are uncovered"],
  ["illuminationScore", "Illumination", "exposure of the face"],
  ["sharpnessScore", "Sharpness", "focus and motion blur"],
];

/** Renders the Response tab: the pass/fail badge and everything about the answer, or the error explained. */
export function renderResponse(container: HTMLElement, result: SendResult | undefined): void {
  if (!result) {
    replaceChildren(
      container,
      h(
        "p",
        { class: "placeholder" },
        "Pick an image, type a user id and press Send (Ctrl+Enter). Or load a sample from the Explorer.",
      ),
    );
    return;
  }
  if (result.kind === "not-sent" && result.notSent) {
    replaceChildren(
      container,
      h(
        "div",
        { class: "error-card", "data-testid": "not-sent" },
        h("h3", {}, `Not sent: ${result.notSent.title}`),
        h("ul", {}, ...result.notSent.problems.map((problem) => h("li", {}, problem))),
      ),
    );
    return;
  }
  if (result.answer) {
    replaceChildren(container, ...answerView(result.answer, result.idempotentReplay));
    return;
  }
  if (result.failure) replaceChildren(container, failureView(result.failure));
}

function answerView(answer: ProxyAnswer, replay: boolean): Child[] {
  const sub = (SUB_CODES as Readonly<Record<string, { passed: boolean; meaning: string } | undefined>>)[
    answer.subCode
  ];
  const face = answer.face;
  return [
    h(
      "div",
      { class: "result-head" },
      h(
        "span",
        {
          class: `badge ${answer.passed ? "passed" : "not-passed"}`,
          "data-testid": "result-badge",
          "data-passed": String(answer.passed),
        },
        answer.passed ? "Passed" : "Not passed",
      ),
      h(
        "span",
        { "data-testid": "result-subcode" },
        `SubCode ${answer.subCode}: ${sub?.meaning ?? "not a documented SubCode"}`,
      ),
      replay
        ? h(
            "span",
            { class: "help", "data-testid": "idempotent-replay" },
            "Idempotent replay: the proxy returned its stored answer for this MerchantBizId; not billed again.",
          )
        : null,
    ),
    h(
      "dl",
      { class: "kv" },
      h("dt", {}, "Attack detected"),
      h(
        "dd",
        { "data-testid": "result-attack", class: face.attack ? "attack-yes" : "attack-no" },
        face.attack ? "Yes: a presentation attack (photo of a photo, screen, mask) is suspected" : "No",
      ),
      face.age !== undefined ? h("dt", {}, "Age") : null,
      face.age !== undefined ? h("dd", { "data-testid": "result-age" }, String(face.age)) : null,
      face.gender !== undefined ? h("dt", {}, "Gender") : null,
      face.gender !== undefined
        ? h(
            "dd",
            { "data-testid": "result-gender" },
            face.gender === "M" ? "M (male)" : face.gender === "F" ? "F (female)" : face.gender,
          )
        : null,
    ),
    answer.receipt
      ? h(
          "p",
          { class: "help", "data-testid": "result-receipt-hint" },
          "Signed receipt attached: the Receipt tab decodes and verifies it. Your app's server trusts this decision only through the receipt, verified on the server.",
        )
      : null,
    h("h3", {}, "Scores (0-100, higher is better)"),
    h(
      "div",
      { class: "scores", "data-testid": "result-scores" },
      ...SCORES.flatMap(([key, label, hint]) => {
        const value = face[key] as number;
        const clamped = Math.max(0, Math.min(100, value));
        return [
          h("span", { id: `score-${key}` }, label, h("span", { class: "visually-hidden" }, `: ${hint}`)),
          h(
            "div",
            {
              class: "bar",
              role: "meter",
              "aria-labelledby": `score-${key}`,
              "aria-valuemin": 0,
              "aria-valuemax": 100,
              "aria-valuenow": clamped,
              "data-testid": `score-${key}`,
              title: hint,
            },
            h("span", { style: `width: ${clamped}%` }),
          ),
          h("span", { class: "value" }, formatScore(value)),
        ];
      }),
    ),
    h(
      "dl",
      { class: "kv" },
      h("dt", {}, "MerchantBizId"),
      h("dd", { class: "mono", "data-testid": "result-merchant-biz-id" }, answer.merchantBizId ?? "—"),
      h("dt", {}, "TransactionId"),
      h("dd", { class: "mono" }, answer.transactionId),
      h("dt", {}, "RequestId (proxy)"),
      h("dd", { class: "mono" }, answer.requestId),
      h("dt", {}, "RequestId (Alibaba)"),
      h("dd", { class: "mono" }, answer.upstream?.requestId ?? "—"),
      h("dt", {}, "Region"),
      h("dd", { "data-testid": "result-region" }, answer.upstream?.region ?? "—"),
    ),
  ];
}

function formatScore(value: number): string {
  // One decimal at most, without a trailing ".0" (99.98 shows as 100, 88.64 as 88.6).
  return String(Number(value.toFixed(1)));
}

function failureView(failure: FailureExplanation): HTMLElement {
  return h(
    "div",
    { class: "error-card", role: "group", "aria-labelledby": "failure-title", "data-testid": "result-error" },
    h(
      "h3",
      { id: "failure-title" },
      h("span", { class: "badge error", "data-testid": "result-badge", "data-passed": "error" }, "Error"),
      " ",
      h("span", { "data-testid": "error-code" }, failure.code),
      failure.httpStatus ? ` (HTTP ${failure.httpStatus})` : "",
    ),
    h(
      "dl",
      { class: "kv" },
      h("dt", {}, "Message"),
      h("dd", { "data-testid": "error-message" }, failure.message),
      h("dt", {}, "Meaning"),
      h("dd", { "data-testid": "error-meaning" }, failure.meaning),
      h("dt", {}, "What to do"),
      h("dd", { "data-testid": "error-action" }, failure.action),
      h("dt", {}, "Retryable"),
      h(
        "dd",
        {},
        failure.retryable
          ? "Yes: sending again may succeed"
          : "No: sending the same request again will fail the same way",
      ),
      failure.requestId ? h("dt", {}, "RequestId") : null,
      failure.requestId ? h("dd", { class: "mono" }, failure.requestId) : null,
    ),
    failure.details !== undefined ? h("h4", {}, "Details") : null,
    failure.details !== undefined
      ? h("pre", { class: "code" }, JSON.stringify(failure.details, null, 2))
      : null,
  );
}
