import fs from "node:fs";
import path from "node:path";

// The floors of lib/server (docs/architecture.md): a folder may import only from floors below its own,
// never sideways or up. A lower floor that must react to a higher one takes a hook registered at start
// (lib/server/payments/payment-listeners.ts). Top-level files count as folders of their own.

export const FLOORS: readonly (readonly string[])[] = [
  ["provider-modes"],
  ["env", "log", "metrics"],
  ["loop", "locale", "db", "http"],
  ["auth", "providers", "wire", "branding"],
  ["staff"],
  ["payments"],
  ["checkout", "webhooks", "realtime", "day", "fiscal"],
  ["register-listeners", "openapi", "ops"],
  ["start"],
];

export interface FolderImport {
  from: string;
  to: string;
  /** One file that makes the import, for the message. */
  file: string;
}

const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The folder (or top-level file, without extension) of lib/server a path belongs to. */
function unitOf(relative: string): string {
  const first = relative.split(/[\\/]/)[0] ?? relative;
  return first.replace(/\.tsx?$/, "");
}

/** Every import between two different folders of lib/server, one entry per (from, to) pair. */
export function folderImports(root: string): FolderImport[] {
  const serverDir = path.join(root, "lib/server");
  const seen = new Map<string, FolderImport>();
  for (const file of sourceFiles(serverDir)) {
    const from = unitOf(path.relative(serverDir, file));
    for (const match of fs.readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      const spec = match[1]!;
      let target: string | undefined;
      if (spec.startsWith("@/lib/server/")) target = spec.slice("@/lib/server/".length);
      else if (spec.startsWith(".")) {
        const resolved = path.relative(serverDir, path.resolve(path.dirname(file), spec));
        if (!resolved.startsWith("..")) target = resolved;
      }
      if (target === undefined) continue;
      const to = unitOf(target);
      if (to === from || seen.has(`${from}>${to}`)) continue;
      seen.set(`${from}>${to}`, { from, to, file: path.relative(root, file) });
    }
  }
  return [...seen.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

export function floorOf(unit: string): number | undefined {
  const index = FLOORS.findIndex((floor) => floor.includes(unit));
  return index === -1 ? undefined : index;
}

/** Imports that point sideways or up, and folders that have no floor yet. */
export function floorViolations(imports: FolderImport[]): string[] {
  const problems: string[] = [];
  for (const { from, to, file } of imports) {
    const a = floorOf(from);
    const b = floorOf(to);
    if (a === undefined) problems.push(`lib/server/${from} has no floor: add it to FLOORS (${file})`);
    else if (b === undefined) problems.push(`lib/server/${to} has no floor: add it to FLOORS (${file})`);
    else if (b >= a) problems.push(`${from} (floor ${a}) imports ${to} (floor ${b}): ${file}`);
  }
  return [...new Set(problems)];
}

/** Folder-level circles, each as a path "a -> b -> a"; independent of the floor list. */
export function folderCircles(imports: FolderImport[]): string[] {
  const edges = new Map<string, string[]>();
  for (const { from, to } of imports) edges.set(from, [...(edges.get(from) ?? []), to]);
  const circles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "open") circles.push([...stack.slice(stack.indexOf(next)), next].join(" -> "));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return circles;
}
