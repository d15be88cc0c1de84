import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// The e2e suite runs the production build against the standalone PayGrid sandbox, on ports of its own so a
// developer's `npm start` (3000) and `npm run sandbox` (4010) can keep running.
// E2E_PORT_OFFSET lets a second checkout of the project run its suite beside this one.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const APP_PORT = 3100 + offset;
const SANDBOX_PORT = 4110 + offset;
const dataDir = path.join(os.tmpdir(), `malipo-e2e-${process.pid}`);
const sentinel = process.env.MALIPO_SENTINEL_KEY ?? "sk_test_sentinel_local_do_not_ship";

const SHORT_TTL_APP_PORT = APP_PORT + 2;
export const SHORT_TTL_SECONDS = 20;

export const e2eUrls = {
  app: `http://127.0.0.1:${APP_PORT}`,
  sandbox: `http://127.0.0.1:${SANDBOX_PORT}`,
  shortTtlApp: `http://127.0.0.1:${SHORT_TTL_APP_PORT}`,
};

/** The main e2e app's shop colour (e2e/branding.spec.ts): readable on white and dark, and 4.5:1 on white for axe. */
export const E2E_BRAND_COLOR = "#2563eb";

function appServer(port: number, dir: string, ttlSeconds: number, extraEnv: Record<string, string> = {}) {
  const url = `http://127.0.0.1:${port}`;
  return {
    // The standalone server, as the image and `npm start` run it (scripts/serve-standalone.sh).
    command: "bash scripts/serve-standalone.sh",
    url: `${url}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      DATA_DIR: dir,
      PUBLIC_BASE_URL: url,
      SANDBOX: "1",
      PAYGRID_API_KEY: sentinel,
      PAYGRID_BASE_URL: `${e2eUrls.sandbox}/api/v1`,
      PAYGRID_WEBHOOK_SIGNING_KEY: "e2e_signing_key",
      // SplashPay on the same standalone sandbox, under /splashpay, with the sentinel pair it accepts.
      SPLASHPAY_API_KEY: `pk_test_${sentinel}`,
      SPLASHPAY_API_SECRET: sentinel,
      SPLASHPAY_BASE_URL: `${e2eUrls.sandbox}/splashpay/api/v1`,
      SPLASHPAY_WEBHOOK_SECRET: "e2e_splashpay_secret",
      OWNER_EMAIL: "owner@e2e.malipo.local",
      OWNER_PASSWORD: "e2e-owner-password",
      MERCHANT_API_KEY: "mk_test_e2e_merchant_key_0001",
      // Known to the example shop (e2e/example-shop.spec.ts), which verifies the webhooks with it.
      MERCHANT_WEBHOOK_SECRET: "whsec_ZTJlLXdlYmhvb2stc2VjcmV0LTAwMDAwMDAw",
      SESSION_SECRET: "e2e-session-secret-that-is-long-enough-000",
      PAYMENT_TTL_SECONDS: String(ttlSeconds),
      MERCHANT_ADDRESS: "Kariakoo, Mtaa wa Congo 12, Dar es Salaam",
      MERCHANT_TIN: "123-456-789",
      ...extraEnv,
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI, where a run shares two cores with two app servers and the sandbox; a retried test is
  // reported as flaky, never hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: e2eUrls.app,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: `npx tsx scripts/sandbox-server.ts --port ${SANDBOX_PORT} --state ${dataDir}/sandbox-paygrid.json --webhook-retry-delays 1,1,2,2 --signing-key e2e_signing_key --splashpay-state ${dataDir}/sandbox-splashpay.json --splashpay-webhook-secret e2e_splashpay_secret --splashpay-webhook-url ${e2eUrls.app}/api/webhooks/splashpay --app-url ${e2eUrls.app} --app-url ${e2eUrls.shortTtlApp}`,
      url: `${e2eUrls.sandbox}/control/settings`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PAYMENT_TTL_SECONDS: "1800",
        SANDBOX_API_KEYS: sentinel,
        SANDBOX_SPLASHPAY_API_KEYS: `pk_test_${sentinel}:${sentinel}`,
      },
    },
    // A shop with its own colour; the short-window app below keeps Malipo's green, so both are on screen.
    appServer(APP_PORT, dataDir, 1800, { MERCHANT_BRAND_COLOR: E2E_BRAND_COLOR }),
    // A second app with a 20-second payment window, for the countdown and expiry paths.
    appServer(SHORT_TTL_APP_PORT, `${dataDir}-short`, SHORT_TTL_SECONDS),
  ],
});
