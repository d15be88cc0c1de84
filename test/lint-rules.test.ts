import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The structural rules of eslint.config.mjs, run through ESLint's own API on small snippets linted as if
// they sat at the given paths. The snippets are strings, so `npm run lint` never sees them. Each bad snippet
// must fail with the rule named, and the good ones must pass with no message at all.

const ROOT = path.resolve(import.meta.dirname, "..");

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function lint(filePath: string, code: string): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  return result;
}

/** The rule id of every message ESLint reports for the snippet. */
async function ruleIds(filePath: string, code: string): Promise<(string | null)[]> {
  const result = await lint(filePath, code);
  return result.messages.map((m) => m.ruleId);
}

const LINT_TIMEOUT = 60_000;

describe("process.env has one reader", () => {
  const read = 'export const url = process.env.DATABASE_URL ?? "";\n';
  const destructured = "const { env } = process;\nexport const url = env.DATABASE_URL;\n";

  it.each(["lib/server/payments/settings.ts", "app/api/example/route.ts", "components/pos/example.tsx"])(
    "fails in %s",
    async (file) => {
      expect(await ruleIds(file, read)).toEqual(["no-restricted-properties"]);
    },
    LINT_TIMEOUT,
  );

  it(
    "fails when destructured from process",
    async () => {
      expect(await ruleIds("lib/money-extra.ts", destructured)).toEqual(["no-restricted-properties"]);
    },
    LINT_TIMEOUT,
  );

  it.each([
    "lib/server/env.ts",
    "instrumentation.ts",
    "playwright.config.ts",
    "scripts/example.ts",
    "bench/example.ts",
    "e2e/support/e2e-env.ts",
  ])(
    "passes in the named reader %s",
    async (file) => {
      expect(await ruleIds(file, read)).toEqual([]);
    },
    LINT_TIMEOUT,
  );
});

describe("lib/ never imports app/ or components/", () => {
  const cases: [string, string][] = [
    ["lib/format-extra.ts", 'import { payGridSandboxRoute } from "@/app/sandbox/mount-sandbox";'],
    [
      "lib/server/payments/example.ts",
      'import { payGridSandboxRoute } from "../../../app/sandbox/mount-sandbox";',
    ],
    ["lib/sandbox/paygrid/example.ts", 'import { QueryProvider } from "@/components/query-provider";'],
  ];
  it.each(cases)(
    "fails in %s: %s",
    async (file, line) => {
      const ids = await ruleIds(file, `${line}\nexport const used = [${line.match(/\{ (\w+) \}/)?.[1]}];\n`);
      expect(ids).toEqual(["import/no-restricted-paths"]);
    },
    LINT_TIMEOUT,
  );
});

describe("lib/server never imports lib/sandbox", () => {
  it.each([
    ['import { createPayGridSandbox } from "@/lib/sandbox/paygrid/handler";'],
    ['import { createPayGridSandbox } from "../../sandbox/paygrid/handler";'],
  ])(
    "fails: %s",
    async (line) => {
      const code = `${line}\nexport const used = [createPayGridSandbox];\n`;
      expect(await ruleIds("lib/server/providers/example.ts", code)).toEqual(["import/no-restricted-paths"]);
    },
    LINT_TIMEOUT,
  );

  it(
    "fails the other way round too: the sandbox stands alone",
    async () => {
      const code = 'import { getEnv } from "@/lib/server/env";\nexport const used = [getEnv];\n';
      expect(await ruleIds("lib/sandbox/common/example.ts", code)).toEqual(["import/no-restricted-paths"]);
    },
    LINT_TIMEOUT,
  );

  it(
    "passes in lib/server tests, which may start the standalone sandbox, and in the mounting module",
    async () => {
      const code =
        'import { startSandboxServer } from "@/lib/sandbox/node-server";\nexport const used = [startSandboxServer];\n';
      expect(await ruleIds("lib/server/providers/example.integration.test.ts", code)).toEqual([]);
      expect(await ruleIds("app/sandbox/example.ts", code)).toEqual([]);
    },
    LINT_TIMEOUT,
  );
});

describe("client code never imports lib/server or lib/sandbox", () => {
  // The resolved-path zone catches every spelling; the older pattern rule also catches `@/lib/…` spellings.
  const both = ["import/no-restricted-paths", "no-restricted-imports"];
  it.each([
    ["components/pos/example.tsx", 'import { getEnv } from "@/lib/server/env";', "getEnv", both],
    [
      "lib/format-extra.ts",
      'import { getEnv } from "./server/env";',
      "getEnv",
      ["import/no-restricted-paths"],
    ],
    [
      "components/pos/example.tsx",
      'import { createPayGridSandbox } from "@/lib/sandbox/paygrid/handler";',
      "createPayGridSandbox",
      both,
    ],
  ])(
    "fails in %s: %s",
    async (file, line, name, expected) => {
      const ids = await ruleIds(file, `${line}\nexport const used = [${name}];\n`);
      expect(ids.toSorted()).toEqual(expected);
    },
    LINT_TIMEOUT,
  );
});

describe("a snippet that keeps every rule", () => {
  it(
    "passes in lib/server",
    async () => {
      const code = [
        'import { getEnv } from "@/lib/server/env";',
        'import { SANDBOX_PAYGRID_API_KEY } from "@/lib/sandbox-credentials";',
        'import { formatAmount } from "@/lib/format";',
        "",
        "export const usesSandboxKey = () => getEnv().paygrid.apiKey === SANDBOX_PAYGRID_API_KEY;",
        "export const used = [formatAmount];",
        "",
      ].join("\n");
      const result = await lint("lib/server/providers/example.ts", code);
      expect(result.messages).toEqual([]);
    },
    LINT_TIMEOUT,
  );
});
