import type { SendSettings } from "./send.js";

/**
 * Calls the app's `getToken` once now (a failure becomes an error named `TokenError`) and hands that token to the
 * first try; later tries call `getToken` again (the proxy refuses a token twice).
 */
export async function withFirstToken(settings: SendSettings): Promise<SendSettings> {
  const getToken = settings.getToken;
  if (!getToken) return settings;
  let first: string | undefined;
  try {
    first = await getToken();
  } catch (cause) {
    throw Object.assign(new Error("getToken failed", { cause }), { name: "TokenError" });
  }
  return {
    ...settings,
    getToken: () => {
      const token = first;
      first = undefined;
      return token ?? getToken();
    },
  };
}
