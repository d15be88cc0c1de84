import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import {
  BUDGETS_KIB,
  FRAMEWORK_FLOOR_KIB,
  kib,
  launchChromium,
  TARGETS_KIB,
  weighPage,
  type BudgetedPage,
} from "../../test/page-weight";
import { APP, OWNER } from "../config";
import { percentile, sorted } from "../measure";

// What a shop tablet and a shopper's phone feel, in the system Chromium against the production build:
//   (e) page weight: every script /register, /checkout/cs_… and /sign-in load, raw and gzip -9, beside
//       the budget (asserted in test/cluster/page-weight.cluster.test.ts; measured here too)
//   (f) Charge tap → QR painted: from the cashier's tap on Charge on /register to the frame that shows
//       the payment's QR on /payments/:id, p50 and p95 over CHARGES sales

const CHARGES = Number(process.env.BENCH_CHARGES ?? 20);
export const CHARGE_TO_QR_CEILING_MS = 150;

export interface PageFigures {
  weights: Record<BudgetedPage, { scripts: number; raw_kib: number; gzip_kib: number; budget_kib: number }>;
  charge_to_qr_ms: { p50: number; p95: number; n: number; ceiling: number; samples: number[] };
}

/** Owner's cookies (session and register) as a browser keeps them after a password sign-in. */
async function ownerCookies(): Promise<string> {
  const response = await fetch(`${APP}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(OWNER),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

async function checkoutSessionUrl(): Promise<string> {
  const response = await fetch(`${APP}/api/checkout-sessions`, {
    method: "POST",
    headers: {
      authorization: "Bearer mk_test_bench_key_000000",
      "content-type": "application/json",
      "idempotency-key": randomUUID(),
    },
    body: JSON.stringify({
      amount: "12500",
      currency: "TZS",
      reference: `BENCH-${Date.now()}`,
      success_url: `${APP}/checkout/thanks`,
      cancel_url: `${APP}/checkout/thanks?cancelled=1`,
    }),
  });
  if (response.status !== 201) throw new Error(`checkout session answered ${response.status}`);
  return `${APP}/checkout/${((await response.json()) as { id: string }).id}`;
}

// Runs in the page: the tap's time, and the first animation frame after the QR is on screen (the frame
// that paints it). Client-side navigation keeps this state from /register to /payments/:id.
const STOPWATCH = `
  document.addEventListener("click", (event) => {
    if (!(event.target instanceof Element) || !event.target.closest("[data-testid=charge]")) return;
    window.__chargeAt = performance.now();
    window.__qrAt = undefined;
    const poll = () => {
      const qr = document.querySelector("[data-testid=payment-qr] svg, [data-testid=payment-qr] img");
      if (qr && qr.getBoundingClientRect().width > 0) {
        requestAnimationFrame(() => (window.__qrAt = performance.now()));
        return;
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, true);
`;

async function oneCharge(page: Page, amount: string): Promise<number> {
  await page.goto(`${APP}/register`);
  await page.locator("[data-hydrated=true]").first().waitFor();
  for (const key of amount) await page.locator(`[data-key="${key}"]`).click();
  await page.locator('[data-method="dynamic-qr"]').click();
  await page.locator("#firstname").fill("Asha");
  await page.locator("#lastname").fill("Mushi");
  await page.locator("#email").fill("asha@example.com");
  await page.locator("#phone").fill("0712 345 678");
  await page.getByTestId("charge").click();
  await page.waitForFunction(() => (window as unknown as { __qrAt?: number }).__qrAt !== undefined, null, {
    timeout: 30_000,
  });
  return page.evaluate(() => {
    const w = window as unknown as { __qrAt: number; __chargeAt: number };
    return w.__qrAt - w.__chargeAt;
  });
}

async function chargeToQr(browser: Browser, cookie: string): Promise<number[]> {
  const context = await browser.newContext();
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: APP };
    }),
  );
  await context.addInitScript(STOPWATCH);
  const page = await context.newPage();
  const samples: number[] = [];
  try {
    // Two warm-up sales: the first load of each page's scripts is a page-weight question, not this one.
    for (let i = 0; i < CHARGES + 2; i++) {
      const ms = await oneCharge(page, String(1000 + i));
      if (i >= 2) samples.push(ms);
    }
  } finally {
    await context.close();
  }
  return samples;
}

export async function measurePages(): Promise<PageFigures> {
  const browser = await launchChromium();
  try {
    const cookie = await ownerCookies();
    const urls: Record<BudgetedPage, { url: string; cookie?: string }> = {
      register: { url: `${APP}/register`, cookie },
      checkout: { url: await checkoutSessionUrl() },
      signIn: { url: `${APP}/sign-in` },
    };
    const weights = {} as PageFigures["weights"];
    for (const [name, { url, cookie: c }] of Object.entries(urls) as [
      BudgetedPage,
      { url: string; cookie?: string },
    ][]) {
      const weight = await weighPage(browser, url, c);
      weights[name] = {
        scripts: weight.scripts,
        raw_kib: kib(weight.rawBytes),
        gzip_kib: kib(weight.gzipBytes),
        budget_kib: BUDGETS_KIB[name],
      };
    }
    const samples = sorted(await chargeToQr(browser, cookie));
    return {
      weights,
      charge_to_qr_ms: {
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
        n: samples.length,
        ceiling: CHARGE_TO_QR_CEILING_MS,
        samples,
      },
    };
  } finally {
    await browser.close();
  }
}

/** The rows of (e) and (f), one column per store measured. */
export function printPages(all: { store: string; pages: PageFigures }[]): void {
  const f = (n: number) => n.toFixed(1);
  const rows: Record<string, Record<string, string>> = {};
  for (const name of Object.keys(BUDGETS_KIB) as BudgetedPage[]) {
    rows[`(e) ${name} JS KiB raw`] = Object.fromEntries(
      all.map((r) => [r.store, f(r.pages.weights[name].raw_kib)]),
    );
    rows[`(e) ${name} JS KiB gzip (budget ${BUDGETS_KIB[name]}, target ${TARGETS_KIB[name]})`] =
      Object.fromEntries(all.map((r) => [r.store, f(r.pages.weights[name].gzip_kib)]));
  }
  rows[`(f) Charge → QR painted p50 ms (ceiling ${CHARGE_TO_QR_CEILING_MS})`] = Object.fromEntries(
    all.map((r) => [r.store, f(r.pages.charge_to_qr_ms.p50)]),
  );
  rows["(f) Charge → QR painted p95 ms"] = Object.fromEntries(
    all.map((r) => [r.store, f(r.pages.charge_to_qr_ms.p95)]),
  );
  console.log(
    "\nPages in the system Chromium (every script each page loads; a cashier's Charge → QR). " +
      `An empty page of the same Next.js and React loads ${FRAMEWORK_FLOOR_KIB} KiB gzip.\n`,
  );
  console.table(rows);
}
