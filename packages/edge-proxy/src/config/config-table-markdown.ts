import { PROXY_VARIABLES } from "./proxy-variables.js";
import type { Variable } from "./variable.js";

// Cells longer than this overflow their column instead of widening it for every row.
const WIDEST_COLUMN = 60;

/**
 * The README's configuration table, made from the table of variables: `variable-copies.test.ts` holds
 * README.md to it, and prints it when they differ.
 */
export function configTableMarkdown(): string {
  const variables: [string, Variable<unknown>][] = Object.entries(PROXY_VARIABLES);
  const rows = [
    ["variable", "default", "values", "what it does"],
    ...variables.map(([name, variable]) => [
      `\`${name}\``,
      defaultInWords(variable),
      variable.values,
      variable.meaning,
    ]),
  ].map((row) => row.map((cell) => cell.replaceAll("|", "\\|")));
  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.map((row) => row[column]!.length).filter((length) => length <= WIDEST_COLUMN)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(rows[0]!), line(widths.map((width) => "-".repeat(width))), ...rows.slice(1).map(line)].join(
    "\n",
  );
}

function defaultInWords(variable: Variable<unknown>): string {
  if (variable.required) return variable.secret ? "(required, secret)" : "(required)";
  const unset = variable.default === undefined ? (variable.unset ?? "none") : `\`${variable.default}\``;
  return variable.secret ? `${unset} (secret)` : unset;
}
