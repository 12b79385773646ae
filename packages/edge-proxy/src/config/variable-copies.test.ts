import { describe, expect, it } from "vitest";
import STACK_SCRIPT from "../../../../scripts/stack.mjs?raw";
import DEV_VARS from "../../dev.vars?raw";
import README from "../../README.md?raw";
import VITEST_CONFIG from "../../vitest.config.ts?raw";
import WRANGLER_JSONC from "../../wrangler.jsonc?raw";
import ENV_TS from "../env.ts?raw";
import { configTableMarkdown } from "./config-table-markdown.js";
import { problemsOf } from "./config-test-support.js";
import { PROXY_VARIABLES } from "./proxy-variables.js";
import type { Variable } from "./variable.js";
import {
  declaredUpperCaseMembers,
  parseDotenv,
  parseJsonc,
  readmeConfigTable,
  startScriptVariables,
  testBindingNames,
} from "./variable-copies.js";

// Every copy of the configuration is held to the one table, src/config/proxy-variables.ts: change a
// variable there, then make each copy below agree (the messages say how).
const variables: [string, Variable<unknown>][] = Object.entries(PROXY_VARIABLES);
const names = variables.map(([name]) => name);
const wrangler = parseJsonc(WRANGLER_JSONC) as {
  vars: Record<string, string>;
  durable_objects: { bindings: { name: string }[] };
};
const devVars = parseDotenv(DEV_VARS);

describe("the copies of the configuration table", () => {
  it("README.md's configuration table is made from it", () => {
    expect(
      readmeConfigTable(README),
      "README.md, section Configuration: the table between the config-table markers must read as expected (- lines)",
    ).toBe(configTableMarkdown());
  });

  it("wrangler.jsonc's vars are the default of every variable that is no secret, and nothing else", () => {
    const defaults = Object.fromEntries(
      variables.flatMap(([name, variable]) =>
        variable.secret || variable.default === undefined ? [] : [[name, variable.default]],
      ),
    );
    expect(wrangler.vars, "wrangler.jsonc vars: the defaults of src/config/proxy-variables.ts").toEqual(
      defaults,
    );
  });

  it("dev.vars sets only variables of the table, and with wrangler.jsonc's vars the proxy starts", () => {
    expect(names, "dev.vars names a variable src/config/proxy-variables.ts lacks").toEqual(
      expect.arrayContaining(Object.keys(devVars)),
    );
    expect(problemsOf({ ...wrangler.vars, ...devVars })).toEqual([]);
  });

  it("env.ts declares by hand only the Durable Object bindings and the benchmarks' hook", () => {
    // The settings' names come from the table (ProxySettings); a variable typed by hand would be a second copy.
    const bindings = wrangler.durable_objects.bindings.map((binding) => binding.name);
    expect(declaredUpperCaseMembers(ENV_TS).sort()).toEqual([...bindings, "TEST_DO_DELAY_MS"].sort());
  });

  it("the start script and the test bindings set only variables of the table", () => {
    const setByStart = startScriptVariables(STACK_SCRIPT);
    expect(setByStart).toEqual(expect.arrayContaining(["UPSTREAM_ENDPOINT", "ALLOWED_ORIGINS"]));
    expect(names, "scripts/stack.mjs sets a variable the table lacks").toEqual(
      expect.arrayContaining(setByStart),
    );
    const forTests = testBindingNames(VITEST_CONFIG).filter((name) => !name.startsWith("TEST_"));
    expect(forTests.length).toBeGreaterThan(10);
    expect(names, "vitest.config.ts binds a variable the table lacks").toEqual(
      expect.arrayContaining(forTests),
    );
  });
});
