import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";

// Page weight as a shop tablet pays for it: every script a page loads in Chromium (production build),
// each one's size as served decoded ("raw") and after gzip -9. Used by the budget test
// (test/cluster/page-weight.cluster.test.ts) and by `npm run bench` (bench/scenarios/page-weight.ts).

/**
 * First-load JS budgets held by the test suite, gzip -9 of every script the page loads (README
 * "Benchmarks"): what each page weighs now, with about 2 % to spare, so any growth is a decision.
 */
export const BUDGETS_KIB = { register: 172, checkout: 192, signIn: 150 } as const;
export type BudgetedPage = keyof typeof BUDGETS_KIB;

/**
 * The targets first set for these pages. Each lies at or below the framework's own floor: an empty App
 * Router page of the same Next.js and React (one <p>, no component of ours) loads 131.4 KiB gzip (5
 * scripts, 446 KiB raw) in Chromium. They are printed beside the budgets as the direction of travel.
 */
export const TARGETS_KIB: Record<BudgetedPage, number> = { register: 130, checkout: 100, signIn: 80 };
export const FRAMEWORK_FLOOR_KIB = 131.4;

export interface PageWeight {
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  /** Each script's path with its raw and gzip bytes, heaviest first: where to look when a budget is missed. */
  files: { path: string; raw: number; gzip: number }[];
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium", // Debian's, as the e2e suite uses (scripts/ensure-chromium.sh)
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
}

/** Loads `url` in a fresh context (with `cookie` when given) and weighs every script it loaded. */
export async function weighPage(browser: Browser, url: string, cookie?: string): Promise<PageWeight> {
  const context = await browser.newContext();
  if (cookie) {
    const cookies = cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
    });
    await context.addCookies(cookies);
  }
  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer>>();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script" || bodies.has(response.url())) return;
    bodies.set(response.url(), response.body());
  });
  try {
    const answer = await page.goto(url, { waitUntil: "load" });
    if (!answer || answer.status() !== 200) throw new Error(`${url} answered ${answer?.status()}`);
    // Scripts the page asks for after load (lazy chunks of what is on screen) count too.
    await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
    const files = await Promise.all(
      [...bodies].map(async ([scriptUrl, body]) => {
        const bytes = await body;
        return {
          path: new URL(scriptUrl).pathname,
          raw: bytes.length,
          gzip: gzipSync(bytes, { level: 9 }).length,
        };
      }),
    );
    files.sort((a, b) => b.gzip - a.gzip);
    return {
      scripts: files.length,
      rawBytes: files.reduce((sum, f) => sum + f.raw, 0),
      gzipBytes: files.reduce((sum, f) => sum + f.gzip, 0),
      files,
    };
  } finally {
    await context.close();
  }
}

export const kib = (bytes: number) => bytes / 1024;
