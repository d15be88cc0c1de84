import "server-only";
import { EnvError, getEnv, isBuildPhase } from "@/lib/server/env";
import { closeDatabase, getDatabase } from "@/lib/server/db/database";
import { DataDirLockedError } from "@/lib/server/db/pglite-lock";
import { log, setLogLevel } from "@/lib/server/log";

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
  ];
  if (env.generatedCredentials) {
    lines.push(
      `  Cashier code  ${env.posAccessCode}`,
      `  Merchant key  ${env.merchantApiKey}`,
      `  (generated once and kept in ${env.dataDir}/sandbox-credentials.json)`,
    );
  }
  console.log(`\n${lines.join("\n")}\n`);
}

export async function start(): Promise<void> {
  if (isBuildPhase()) return;
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  setLogLevel(env.logLevel);
  try {
    const database = await getDatabase();
    log.info("database ready", { kind: database.kind });
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    fail(`Malipo cannot open its database: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (env.sandbox) printSandboxBanner();

  const shutdown = () => {
    void closeDatabase().finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
