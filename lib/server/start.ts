import "server-only";
import { EnvError, getEnv, isBuildPhase } from "@/lib/server/env";
import { getDatabase } from "@/lib/server/db/database";
import { DataDirLockedError } from "@/lib/server/db/pglite-lock";
import { installRequestGate } from "@/lib/server/http/request-gate";
import { log, setLogLevel } from "@/lib/server/log";
import {
  bootstrapAccounts,
  DEMO_CASHIER_NAME,
  type BootstrapOutcome,
} from "@/lib/server/staff/bootstrap-accounts";
import { startReconciler } from "@/lib/server/payments/reconcile";
import { providerAdapter } from "@/lib/server/providers/registry";
import { getListenHub } from "@/lib/server/realtime/listen-hub";
import { registerPaymentListeners } from "@/lib/server/register-listeners";
import { installGracefulShutdown } from "@/lib/server/ops/graceful-shutdown";
import { startMerchantWebhookWorker } from "@/lib/server/webhooks/deliver-merchant-webhooks";
import { cachedSigningKey } from "@/lib/server/fiscal/fiscal-context";
import { startFiscalWorker } from "@/lib/server/fiscal/fiscal-worker";
import { startSessionExpiryWorker } from "@/lib/server/checkout/expire-sessions";

// Runs once per server process (from instrumentation.ts): validate configuration, open the database and
// migrate it, and say how to sign in when the app made its own sandbox credentials.

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function printSandboxBanner(): void {
  const env = getEnv();
  const lines = [
    "Malipo is running in SANDBOX mode: no real money moves.",
    `  Open          ${env.publicBaseUrl}`,
    `  PayGrid       ${env.paygrid.mode}${env.paygrid.mode === "sandbox" ? ` (${env.paygrid.baseUrl})` : ""}`,
    `  SplashPay     ${env.splashpay.mode}`,
    `  TRA VFD       ${env.vfd.mode}${env.vfd.mode === "sandbox" ? ` (${env.vfd.baseUrl}, TIN ${env.vfd.tin})` : ""}`,
  ];
  if (env.demo) {
    lines.push(
      `  Owner         ${env.demo.ownerEmail} / ${env.owner ? "(OWNER_PASSWORD)" : env.demo.ownerPassword}`,
      `  ${DEMO_CASHIER_NAME}  PIN ${env.demo.cashierPin} (on a paired register; "Use as Demo register" pairs one)`,
    );
  }
  if (env.generatedCredentials) {
    lines.push(
      `  Merchant key  ${env.merchantApiKey}`,
      "  Webhook secret: see the file below (merchantWebhookSecret)",
      `  (generated once and kept in ${env.dataDir}/sandbox-credentials.json)`,
    );
  }
  console.log(`\n${lines.join("\n")}\n`);
}

export async function start(): Promise<void> {
  if (isBuildPhase()) return;
  registerPaymentListeners();
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  setLogLevel(env.logLevel);
  installRequestGate();
  if (env.retiredPosAccessCode) {
    console.error(
      "\nPOS_ACCESS_CODE is retired and ignored: staff now sign in with their own PIN on a paired register " +
        '(see the README, "Staff, registers and sessions"). Remove it from the environment.\n',
    );
  }
  let accounts: BootstrapOutcome;
  try {
    const database = await getDatabase();
    log.info("database ready", { kind: database.kind });
    accounts = await bootstrapAccounts(database.db, env);
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    fail(`Malipo cannot open its database: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (env.vfd.mode !== "off") {
    // A missing or unreadable certificate, or a wrong password, stops the start naming the setting.
    try {
      cachedSigningKey(env.vfd);
    } catch (error) {
      fail(`Malipo cannot start fiscal receipts: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (env.sandbox) printSandboxBanner();
  if (accounts.kind === "setup-code") {
    // The one secret deliberately printed outside sandbox mode: whoever reads the server's output
    // creates the owner account once, then the code is gone.
    console.log(
      `\nNo owner account yet. Open ${env.publicBaseUrl}/setup and enter the code ${accounts.code}\n`,
    );
  }

  // One LISTEN and one reconciler loop per instance.
  await (await getListenHub()).ensureStarted();
  const getDb = async () => (await getDatabase()).db;
  installGracefulShutdown([
    startReconciler(getDb, providerAdapter),
    startMerchantWebhookWorker(getDb, env.merchantWebhookSecret),
    startFiscalWorker(getDb, env.vfd),
    startSessionExpiryWorker(getDb),
  ]);
}
