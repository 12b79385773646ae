import "@liveness-kit/capture";

// The page of a customer's app: it asks its own backend for a sign-up (a MerchantBizId), lets the element
// take and send the selfie through the edge proxy, then hands the proxy's receipt to its backend, which
// verifies it. Only the backend's word counts: `passed` in the browser is never trusted.

interface Signup {
  readonly id: string;
  readonly merchantBizId: string;
  readonly proxyUrl: string;
}

const form = document.querySelector("#signup") as HTMLFormElement;
const email = document.querySelector("#email") as HTMLInputElement;
const capture = document.querySelector("#capture") as HTMLElementTagNameMap["liveness-capture"];
const status = document.querySelector("#status") as HTMLElement;

function say(text: string, outcome: "" | "verified" | "failed" = ""): void {
  status.textContent = text;
  status.dataset.outcome = outcome;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as T & { message?: string };
  if (!response.ok) throw new Error(json.message ?? `HTTP ${response.status}`);
  return json;
}

let signup: Promise<Signup> | undefined;

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (!email.checkValidity()) {
    say("Enter your email address first.", "failed");
    email.focus();
    return;
  }
  say("");
  signup = post<Signup>("/api/signups", { email: email.value });
  capture.hidden = false;
  capture.userId = email.value;
  capture.getToken = async () => {
    const { id } = await signup!;
    return (await post<{ token: string }>(`/api/signups/${id}/token`, {})).token;
  };
  // Started in the click (a user gesture, which Safari requires for the camera); the sign-up is
  // created meanwhile and its MerchantBizId set before anything is sent.
  const started = capture.start();
  void signup.then(
    (created) => {
      capture.proxyUrl = created.proxyUrl;
      capture.merchantBizId = created.merchantBizId;
    },
    (error: Error) => say(`Could not start the sign-up: ${error.message}`, "failed"),
  );
  void started;
});

capture.addEventListener("liveness-complete", async (event) => {
  const { id } = await signup!;
  if (!event.detail.passed) {
    say("The face check did not pass. You can try again.", "failed");
    // A new check needs a new MerchantBizId: each decided call is billed once, under its own id.
    const next = await post<{ merchantBizId: string }>(`/api/signups/${id}/attempts`, {});
    capture.merchantBizId = next.merchantBizId;
    return;
  }
  say("Confirming with our server…");
  try {
    const result = await post<{ email: string }>(`/api/signups/${id}/receipt`, {
      receipt: event.detail.answer.receipt ?? "",
    });
    say(`Verified: welcome, ${result.email}. Your account is ready.`, "verified");
  } catch (error) {
    say(`Not verified: ${(error as Error).message}`, "failed");
  }
});

capture.addEventListener("liveness-error", (event) => {
  if (event.detail.code === "setup") say(`Setup problem: ${event.detail.message}`, "failed");
});
