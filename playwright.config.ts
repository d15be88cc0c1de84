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

export const e2eUrls = { app: `http://127.0.0.1:${APP_PORT}`, sandbox: `http://127.0.0.1:${SANDBOX_PORT}` };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
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
      command: `npx tsx scripts/sandbox-server.ts --port ${SANDBOX_PORT} --state ${dataDir}/sandbox-paygrid.json --webhook-retry-delays 1,1,2,2 --signing-key e2e_signing_key`,
      url: `${e2eUrls.sandbox}/control/settings`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { PAYMENT_TTL_SECONDS: "1800", SANDBOX_API_KEYS: sentinel },
    },
    {
      command: `npx next start -p ${APP_PORT}`,
      url: `${e2eUrls.app}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATA_DIR: dataDir,
        PUBLIC_BASE_URL: e2eUrls.app,
        SANDBOX: "1",
        PAYGRID_API_KEY: sentinel,
        PAYGRID_BASE_URL: `${e2eUrls.sandbox}/api/v1`,
        PAYGRID_WEBHOOK_SIGNING_KEY: "e2e_signing_key",
        POS_ACCESS_CODE: "246810",
        MERCHANT_API_KEY: "mk_test_e2e_merchant_key_0001",
        SESSION_SECRET: "e2e-session-secret-that-is-long-enough-000",
      },
    },
  ],
});
