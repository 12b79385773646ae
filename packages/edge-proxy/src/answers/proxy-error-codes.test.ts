import { PROXY_ERROR_CODES, type ProxyErrorCode } from "@liveness-kit/contract";
import { describe, expect, it } from "vitest";

// Every source file of the proxy, as text (Vite reads them when the test is bundled for workerd).
const SOURCES = Object.entries<string>(
  import.meta.glob(["../**/*.ts", "!../**/*.test.ts"], {
    query: "?raw",
    import: "default",
    eager: true,
  }),
);

interface Site {
  file: string;
  code: string;
  status?: number;
}

const TABLE: Readonly<Record<string, { readonly status: number }>> = PROXY_ERROR_CODES;

/**
 * Every place the proxy's source picks an error code: `new ProxyError(status, "code", ...)`,
 * `unauthorized("code", ...)` (a 401), the caller-token reasons that become `token_<reason>` (401s), and a
 * hand-built error body (`code: "..." satisfies ProxyErrorCode`). Anything else that makes a `ProxyError`
 * is listed in `unrecognised`, so a new way of making one cannot slip past.
 */
function errorSites(): { sites: Site[]; unrecognised: string[] } {
  const sites: Site[] = [];
  const unrecognised: string[] = [];
  for (const [file, text] of SOURCES) {
    for (const [call, status, code] of text.matchAll(/new ProxyError\(\s*([^,]+?),\s*([^,]+?),/g)) {
      const literal = /^"([^"]+)"$/.exec(code ?? "")?.[1];
      if (literal !== undefined) {
        sites.push({
          file,
          code: literal,
          ...(/^\d+$/.test(status ?? "") ? { status: Number(status) } : {}),
        });
      } else if (/^\{ alibaba: [\w.]+ \}$/.test(code ?? "")) {
        // Alibaba's own code, passed through: not the proxy's.
      } else if (file.endsWith("auth/authenticate-caller.ts") && status === "401" && code === "code") {
        // `unauthorized(code, ...)`: its callers are found below.
      } else {
        unrecognised.push(`${file}: ${call}`);
      }
    }
    for (const [, code] of text.matchAll(/unauthorized\(\s*"([^"]+)"/g))
      sites.push({ file, code: code ?? "", status: 401 });
    if (/unauthorized\(\s*`token_\$\{verified\.reason\}`/.test(text)) {
      const reasons = /TOKEN_REASONS[^{]*\{([^}]*)\}/.exec(text)?.[1] ?? "";
      for (const [, reason] of reasons.matchAll(/^\s*(\w+):/gm))
        sites.push({ file, code: `token_${reason}`, status: 401 });
    }
    for (const [, code] of text.matchAll(/code: "([^"]+)" satisfies ProxyErrorCode/g))
      sites.push({ file, code: code ?? "" });
  }
  return { sites, unrecognised };
}

describe("the proxy's error codes and the contract's table", () => {
  const { sites, unrecognised } = errorSites();

  it("finds the error sites of the whole source (the scan itself works)", () => {
    expect(SOURCES.length).toBeGreaterThan(50);
    expect(sites.length).toBeGreaterThan(40);
    expect(unrecognised).toEqual([]);
  });

  it("answers no code that the table does not list", () => {
    const unlisted = sites.filter((site) => !Object.hasOwn(TABLE, site.code));
    expect(unlisted).toEqual([]);
  });

  it("answers each code with the table's status", () => {
    const wrong = sites.filter(
      (site) => site.status !== undefined && site.status !== TABLE[site.code]?.status,
    );
    expect(wrong).toEqual([]);
  });

  it("lists no code that the proxy never answers", () => {
    const answered = new Set(sites.map((site) => site.code));
    const unused = (Object.keys(PROXY_ERROR_CODES) as ProxyErrorCode[]).filter((code) => !answered.has(code));
    expect(unused).toEqual([]);
  });
});
