import fs from "node:fs";
import path from "node:path";

// One row per figure: what was measured, the target, and whether it was met. The run exits non-zero when
// any target is missed.

export interface Row {
  scenario: string;
  figure: string;
  value: string | number;
  target: string;
  ok: boolean;
}

export const rows: Row[] = [];

export function check(
  scenario: string,
  figure: string,
  value: string | number,
  target: string,
  ok: boolean,
): void {
  rows.push({ scenario, figure, value: typeof value === "number" ? round(value) : value, target, ok });
}

/** A figure shown for information, with no target. */
export function note(scenario: string, figure: string, value: string | number): void {
  check(scenario, figure, value, "—", true);
}

function round(n: number): number | string {
  if (Number.isNaN(n)) return "n/a";
  return Number.isInteger(n) ? n : Math.round(n * 100) / 100;
}

export function printTable(): void {
  const header = ["scenario", "figure", "value", "target", "met"];
  const body = rows.map((r) => [r.scenario, r.figure, String(r.value), r.target, r.ok ? "yes" : "NO"]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const b of body) console.log(line(b));
}

export function save(details: Record<string, unknown>, small: boolean): string {
  const dir = path.join("bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `chaos-${small ? "small-" : ""}${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
  );
  fs.writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), small, rows, details }, null, 2)}\n`,
  );
  return file;
}
