import { PROXY_ERROR_CODES } from "@liveness-kit/contract";
import { expect, it } from "vitest";
import README from "../../README.md?raw";

const TABLE: Readonly<Record<string, { readonly status: number }>> = PROXY_ERROR_CODES;

/** The README's table of errors by status: each row's statuses and the proxy codes it names. */
function readmeRows(): { statuses: number[]; codes: string[] }[] {
  return README.split("\n")
    .filter((line) => /^\| [45]\d\d/.test(line))
    .map((line) => {
      const [, statusCell = "", codesCell = ""] = line.split("|");
      return {
        statuses: [...statusCell.matchAll(/\d{3}/g)].map(([status]) => Number(status)),
        codes: [...codesCell.matchAll(/`([a-z]+(?:_[a-z0-9]+)+)`/g)].map(([, code]) => code ?? ""),
      };
    });
}

it("the README's error table lists every code of the contract's table, under its status", () => {
  const rows = readmeRows();
  expect(rows.length).toBeGreaterThan(10);
  const misplaced = rows.flatMap(({ statuses, codes }) =>
    codes.filter((code) => !statuses.includes(TABLE[code]?.status ?? 0)),
  );
  expect(misplaced).toEqual([]);
  const listed = new Set(rows.flatMap((row) => row.codes));
  expect(Object.keys(PROXY_ERROR_CODES).filter((code) => !listed.has(code))).toEqual([]);
});
