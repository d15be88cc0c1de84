// `npx tsx scripts/screenshots.ts`: the README's screenshots, in English and Kiswahili, taken from the
// production build (run `npm run build` first) against the standalone sandbox, as the e2e suite runs them.
// Writes docs/screenshots/{en,sw}-{register,pay,paid,shopper}.png (cashier 1024×640, shopper 800×600).
//   SCREENSHOT_APP_PORT (3300), SCREENSHOT_SANDBOX_PORT (4310) move the two servers.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";

const APP_PORT = Number(process.env.SCREENSHOT_APP_PORT ?? 3300);
const SANDBOX_PORT = Number(process.env.SCREENSHOT_SANDBOX_PORT ?? 4310);
const app = `http://127.0.0.1:${APP_PORT}`;
const sandbox = `http://127.0.0.1:${SANDBOX_PORT}`;
const key = "sk_test_screenshots_local";
const owner = { email: "owner@shots.malipo.local", password: "screenshots-owner-password" };
const merchantKey = "mk_test_screenshots_merchant_0001";
const out = path.resolve("docs/screenshots");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-shots-"));

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  // Its own process group, so stopping it stops what npx started under it too.
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  child.on("exit", (code) => {
    if (code && code !== 0) console.error(`${command} ${args.join(" ")} exited with ${code}`);
  });
  return child;
}

async function waitFor(url: string, headers: Record<string, string> = {}): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer`);
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${app}/sign-in`);
  const form = page.locator("[data-testid=password-sign-in][data-hydrated=true]");
  await form.waitFor();
  await form.locator("#email").fill(owner.email);
  await form.locator("#password").fill(owner.password);
  await form.locator("button[type=submit]").click();
  await page.waitForURL("**/register");
  await page.locator("[data-hydrated=true]").first().waitFor();
}

/** The viewport, or the whole page when what matters runs below it (the pay screen's countdown). */
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage });
  console.log(`wrote docs/screenshots/${name}.png`);
}

async function cashier(browser: Browser, locale: "en" | "sw"): Promise<void> {
  // A tablet in landscape: the register's keypad and methods side by side.
  const context = await browser.newContext({ viewport: { width: 1024, height: 640 } });
  await context.addCookies([{ name: "malipo-locale", value: locale, url: app }]);
  const page = await context.newPage();
  await signIn(page);
  for (const digit of "12500") await page.locator(`[data-key="${digit}"]`).click();
  await shot(page, `${locale}-register`);

  await page.locator(`[data-method="dynamic-qr"]`).click();
  await page.locator("#firstname").fill("Asha");
  await page.locator("#lastname").fill("Mushi");
  await page.locator("#email").fill("asha@example.com");
  await page.locator("#phone").fill("0712 345 678");
  await page.getByTestId("charge").click();
  await page.waitForURL(/\/payments\/pay_/);
  await page.getByTestId("payment-qr").waitFor();
  await page.getByTestId("countdown").waitFor();
  await shot(page, `${locale}-pay`, true);

  const id = /\/payments\/(pay_[^/?#]+)/.exec(page.url())![1]!;
  const payment = (await (await page.request.get(`${app}/api/payments/${id}`)).json()) as {
    provider_payment_id: string;
  };
  await fetch(`${sandbox}/control/payments/${payment.provider_payment_id}/complete`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}` },
  });
  await page.getByTestId("outcome-completed").waitFor({ timeout: 30_000 });
  await shot(page, `${locale}-paid`);
  await context.close();
}

async function shopper(browser: Browser, locale: "en" | "sw"): Promise<void> {
  const created = await fetch(`${app}/api/checkout-sessions`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${merchantKey}`,
      "content-type": "application/json",
      "idempotency-key": randomUUID(),
    },
    body: JSON.stringify({
      amount: "12500",
      currency: "TZS",
      reference: `SHOT-${locale}-${Date.now().toString(36)}`,
      description: "Two kanga, Zanzibar print",
      line_items: [{ name: "Kanga", quantity: 2, unit_amount: "6250" }],
      success_url: `${app}/checkout/thanks`,
      cancel_url: `${app}/checkout/thanks?cancelled=1`,
    }),
  });
  const session = (await created.json()) as { url: string };
  const context = await browser.newContext({
    viewport: { width: 800, height: 600 },
    locale: locale === "sw" ? "sw-TZ" : "en-GB",
  });
  const page = await context.newPage();
  await page.goto(session.url);
  await page.locator("[data-hydrated=true]").first().waitFor();
  await shot(page, `${locale}-shopper`);
  await context.close();
}

async function main(): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const servers = [
    start(
      "npx",
      [
        "tsx",
        "scripts/sandbox-server.ts",
        "--port",
        String(SANDBOX_PORT),
        "--state",
        `${dataDir}/paygrid.json`,
        "--splashpay-state",
        `${dataDir}/splashpay.json`,
        "--signing-key",
        "shots_signing_key",
        "--splashpay-webhook-secret",
        "shots_splashpay_secret",
        "--splashpay-webhook-url",
        `${app}/api/webhooks/splashpay`,
        "--app-url",
        app,
        "--webhook-retry-delays",
        "1,1,2",
      ],
      { SANDBOX_API_KEYS: key, SANDBOX_SPLASHPAY_API_KEYS: `pk_test_${key}:${key}` },
    ),
    start("bash", ["scripts/serve-standalone.sh"], {
      PORT: String(APP_PORT),
      DATA_DIR: dataDir,
      PUBLIC_BASE_URL: app,
      SANDBOX: "1",
      PAYGRID_API_KEY: key,
      PAYGRID_BASE_URL: `${sandbox}/api/v1`,
      PAYGRID_WEBHOOK_SIGNING_KEY: "shots_signing_key",
      SPLASHPAY_API_KEY: `pk_test_${key}`,
      SPLASHPAY_API_SECRET: key,
      SPLASHPAY_BASE_URL: `${sandbox}/splashpay/api/v1`,
      SPLASHPAY_WEBHOOK_SECRET: "shots_splashpay_secret",
      OWNER_EMAIL: owner.email,
      OWNER_PASSWORD: owner.password,
      MERCHANT_API_KEY: merchantKey,
      SESSION_SECRET: "screenshots-session-secret-long-enough-0000",
    }),
  ];
  let browser: Browser | undefined;
  try {
    await waitFor(`${sandbox}/control/settings`, { authorization: `Bearer ${key}` });
    await waitFor(`${app}/api/health`);
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    for (const locale of ["en", "sw"] as const) {
      await cashier(browser, locale);
      await shopper(browser, locale);
    }
  } finally {
    await browser?.close();
    for (const server of servers) if (server.pid) process.kill(-server.pid, "SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error("screenshots:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
