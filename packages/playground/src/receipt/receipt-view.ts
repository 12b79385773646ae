import { createReceiptVerifier, type ReceiptVerifier } from "@liveness-kit/core/receipt";
import type { SendResult } from "../send/send-result.js";
import { h, replaceChildren } from "../shell/h.js";
import { decodeReceipt } from "./decode-receipt.js";
import { describeClaims, describeHeader, type ReceiptRow } from "./describe-receipt.js";
import { explainVerification, jwksUrlOf, mismatchesWithAnswer, whyNoReceipt } from "./explain-receipt.js";

// One verifier per key set URL: each caches its keys (10 min) and refetches on an unknown kid (rotation).
const verifiers = new Map<string, ReceiptVerifier>();
const verifierFor = (jwksUrl: string) => {
  let verifier = verifiers.get(jwksUrl);
  if (!verifier) {
    verifier = createReceiptVerifier({ jwksUrl });
    verifiers.set(jwksUrl, verifier);
  }
  return verifier;
};
// The container's latest render: a verification that ends after a newer result does not overwrite it.
const latest = new WeakMap<HTMLElement, object>();

/** The `kid` of the committed dev key pair (the edge proxy's dev.vars): public, so its receipts prove nothing. */
const DEV_RECEIPT_KID = "dev-only-receipt-key";

const NOT_PROOF =
  "Checked here, in the browser, this shows the receipt is intact and signed by a key the proxy publishes. It proves nothing to your app: whoever runs this page can change what it shows, or hand your server someone else's receipt. Your app's server must verify the receipt itself (the \"Verify\" snippets under Code), pin the issuer and the audience, check that merchantBizId is the check it started for this user, merchantUserId this user's hash and passed true, and accept each receipt once.";

/**
 * The Receipt tab: the receipt of the answer on screen decoded (header and claims with what each means) and
 * verified with core against the key set of the proxy that answered; or why the answer has none.
 */
export async function renderReceipt(
  container: HTMLElement,
  result: SendResult | undefined,
  fallbackProxyUrl: string,
): Promise<void> {
  const token = {};
  latest.set(container, token);
  const receipt = result?.answer?.receipt;
  if (!result?.answer || !receipt) {
    replaceChildren(
      container,
      h("p", { class: "placeholder", "data-testid": "receipt-none" }, whyNoReceipt(result)),
    );
    return;
  }
  const proxyUrl = result.proxyUrl ?? fallbackProxyUrl;
  const jwksUrl = jwksUrlOf(proxyUrl);
  const decoded = decodeReceipt(receipt);
  const status = h(
    "div",
    { class: "receipt-status", "data-testid": "receipt-status", "data-status": "verifying", role: "status" },
    h("strong", {}, `Verifying against ${jwksUrl}…`),
  );
  const mismatches = decoded
    ? mismatchesWithAnswer(decoded.claims, result.answer, result.draft.merchantUserId)
    : [];
  const issuer = decoded?.claims.iss;
  const origin = safeOrigin(proxyUrl);
  replaceChildren(
    container,
    status,
    decoded
      ? h(
          "p",
          { "data-testid": "receipt-match", "data-match": String(mismatches.length === 0) },
          mismatches.length === 0
            ? "Its decision claims (merchantBizId, merchantUserId, transactionId, passed, subCode, region) match the answer and the request on screen."
            : `Its claims differ from the answer on screen: ${mismatches.join("; ")}.`,
        )
      : null,
    typeof issuer === "string" && origin && issuer !== origin
      ? h(
          "p",
          { class: "hint", "data-testid": "receipt-issuer-note" },
          `Its issuer (${issuer}) is not this proxy's origin (${origin}): fine if the proxy sets RECEIPT_ISSUER; your server pins the issuer it expects.`,
        )
      : null,
    decoded?.header.kid === DEV_RECEIPT_KID
      ? h(
          "p",
          { class: "hint", "data-testid": "receipt-dev-key" },
          "Signed with the local stack's dev key, which is public in liveness-kit's repository: fine for trying receipts out, proof of nothing. A deployment makes its own (pnpm receipt-key), and the proxy refuses the dev key in front of the real Alibaba API.",
        )
      : null,
    h(
      "div",
      { class: "receipt-not-proof", "data-testid": "receipt-not-proof" },
      h("strong", {}, "What this does not prove. "),
      NOT_PROOF,
    ),
    ...(decoded
      ? [
          h("h3", {}, "Header"),
          rowsTable("Receipt header", "receipt-header", describeHeader(decoded)),
          h("h3", {}, "Claims"),
          rowsTable("Receipt claims", "receipt-claims", describeClaims(decoded)),
        ]
      : []),
    h("h3", {}, "The receipt (JWT)"),
    h(
      "div",
      { class: "row", style: "margin-bottom: 8px" },
      h(
        "button",
        {
          type: "button",
          class: "small",
          onclick: () => void navigator.clipboard?.writeText(receipt).catch(() => {}),
        },
        "Copy the receipt",
      ),
      h(
        "span",
        { class: "help" },
        "The browser hands this to your app's server with the rest of its form. It is signed, not encrypted: anyone holding it can read it.",
      ),
    ),
    h(
      "pre",
      { class: "code receipt-jwt", tabindex: 0, "aria-label": "The receipt", "data-testid": "receipt-jwt" },
      receipt,
    ),
  );
  const verdict = explainVerification(await verifierFor(jwksUrl).verify(receipt), decoded, jwksUrl);
  if (latest.get(container) !== token) return;
  status.dataset.status = verdict.status;
  if (verdict.reason) status.dataset.reason = verdict.reason;
  replaceChildren(
    status,
    h("strong", { "data-testid": "receipt-verdict" }, verdict.title),
    h("span", { "data-testid": "receipt-detail" }, verdict.detail),
  );
}

function rowsTable(label: string, testId: string, rows: readonly ReceiptRow[]): HTMLElement {
  return h(
    "table",
    { class: "receipt-table", "aria-label": label, "data-testid": testId },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Name"),
        h("th", { scope: "col" }, "Value"),
        h("th", { scope: "col" }, "Meaning"),
      ),
    ),
    h(
      "tbody",
      {},
      ...rows.map((row) =>
        h(
          "tr",
          { "data-claim": row.name },
          h("th", { scope: "row", class: "mono" }, row.name),
          h("td", { class: "mono" }, row.value),
          h("td", { class: "help" }, row.meaning),
        ),
      ),
    ),
  );
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
