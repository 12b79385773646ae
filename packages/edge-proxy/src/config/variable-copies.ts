// Reads the variables out of the files that repeat the table of `proxy-variables.ts`, for the test that
// holds them to it (`variable-copies.test.ts`). Each reader knows only the shape of its file.

const TABLE_START = "<!-- config-table:";
const TABLE_END = "<!-- config-table end -->";

/** The configuration table of README.md: the lines between its two markers, trimmed. */
export function readmeConfigTable(readme: string): string {
  const start = readme.indexOf("\n", readme.indexOf(TABLE_START));
  const end = readme.indexOf(TABLE_END);
  if (readme.indexOf(TABLE_START) < 0 || end < start)
    throw new Error("README.md: the config-table markers are gone");
  return readme.slice(start, end).trim();
}

/** wrangler.jsonc as an object: JSON once its `//` and block comments are gone. */
export function parseJsonc(jsonc: string): Record<string, unknown> {
  let json = "";
  let inString = false;
  for (let i = 0; i < jsonc.length; i++) {
    const char = jsonc[i];
    if (inString) {
      json += char;
      if (char === "\\") json += jsonc[++i] ?? "";
      else if (char === '"') inString = false;
    } else if (char === "/" && jsonc[i + 1] === "/") {
      while (i + 1 < jsonc.length && jsonc[i + 1] !== "\n") i++;
    } else if (char === "/" && jsonc[i + 1] === "*") {
      const end = jsonc.indexOf("*/", i + 2);
      if (end < 0) throw new Error("an unclosed /* comment");
      i = end + 1;
    } else {
      inString = char === '"';
      json += char;
    }
  }
  return JSON.parse(json);
}

/** The `NAME=value` lines of a dotenv file such as dev.vars (a quoted value without its quotes). */
export function parseDotenv(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) throw new Error(`not a NAME=value line: ${line.slice(0, 40)}`);
    const value = match[2]!.trim();
    variables[match[1]!] = /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
  }
  return variables;
}

/** The upper-case members a TypeScript file declares by hand (`NAME?: type`), such as env.ts's bindings. */
export function declaredUpperCaseMembers(source: string): string[] {
  return [...source.matchAll(/^\s+([A-Z][A-Z0-9_]*)\??:/gm)].map((match) => match[1]!);
}

/** The variables the start script (scripts/stack.mjs) sets on the proxy with `--var NAME:value`. */
export function startScriptVariables(source: string): string[] {
  return [...source.matchAll(/"--var",\s*`([A-Z][A-Z0-9_]*):/g)].map((match) => match[1]!);
}

/** The bindings the proxy's vitest config gives the Worker under test. */
export function testBindingNames(vitestConfig: string): string[] {
  const bindings = vitestConfig.slice(vitestConfig.indexOf("bindings: {"), vitestConfig.indexOf("test: {"));
  return declaredUpperCaseMembers(bindings);
}
