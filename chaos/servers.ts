import type { ChildProcess, StdioOptions } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { exited, signIn, spawnApp, spawnSandbox, waitFor } from "../bench/servers";
import {
  APP,
  APP_PORT,
  MERCHANT_KEY,
  OWNER,
  PROXY,
  PROXY_PORT,
  SANDBOX,
  SANDBOX_PORT,
  SIZES,
  VERBOSE,
} from "./config";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";

// The systems under test: the standalone sandbox (PayGrid at its root, SplashPay under /splashpay) behind
// the fault proxy, and the production build of Malipo, which a scenario may SIGKILL and start again on the
// same data directory or database. Started with the bench's helpers (bench/servers.ts).

const stdio: StdioOptions = ["ignore", VERBOSE ? "inherit" : "ignore", VERBOSE ? "inherit" : "ignore"];

export interface App {
  /** SIGKILL now; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Start again on the same store; resolves once it answers (the session cookie stays valid). */
  restart(): Promise<void>;
  cookie(): string;
  pid(): number;
  stop(): Promise<void>;
}

export interface Servers {
  dataDir: string;
  proxy: FaultProxy;
  sandbox: ChildProcess;
  app: App;
  stop(): Promise<void>;
}

export async function startServers(databaseUrl: string | undefined, label: string): Promise<Servers> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `malipo-chaos-${label}-`));
  const sandbox = spawnSandbox(
    SANDBOX_PORT,
    dataDir,
    [APP],
    ["--splashpay-webhook-url", `${APP}/api/webhooks/splashpay`, "--webhook-retry-delays", "1,2,4"],
    stdio,
  );
  await waitFor(`${SANDBOX}/control/settings`);
  const proxy = await startFaultProxy(PROXY_PORT, SANDBOX);

  const env: Record<string, string> = {
    DATA_DIR: `${dataDir}/app`,
    PUBLIC_BASE_URL: APP,
    SANDBOX: "1",
    PAYGRID_BASE_URL: `${PROXY}/api/v1`,
    SPLASHPAY_BASE_URL: `${PROXY}/splashpay/api/v1`,
    OWNER_EMAIL: OWNER.email,
    OWNER_PASSWORD: OWNER.password,
    SESSION_SECRET: "chaos-session-secret-that-is-long-enough",
    MERCHANT_API_KEY: MERCHANT_KEY,
    MERCHANT_WEBHOOK_SECRET: "whsec_Y2hhb3MtbWVyY2hhbnQtd2ViaG9vay1zZWNyZXQ=",
    RECONCILE_RECHECK_SECONDS: String(SIZES.recheckSeconds),
    CREATE_LEASE_SECONDS: String(SIZES.createLeaseSeconds),
    LOG_LEVEL: "warn",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  let child: ChildProcess | undefined;
  let cookie = "";
  const boot = async () => {
    child = spawnApp(APP_PORT, env, stdio);
    await waitFor(`${APP}/api/health`);
    // Signed in once: the register keeps its session across a restart (a new sign-in would be another
    // register, with its own Idempotency-Key scope).
    if (!cookie) cookie = await signIn(APP, OWNER);
  };
  await boot();
  const app: App = {
    async kill() {
      const c = child!;
      c.kill("SIGKILL");
      await exited(c);
    },
    restart: boot,
    cookie: () => cookie,
    pid: () => child!.pid ?? 0,
    async stop() {
      if (!child) return;
      child.kill("SIGTERM");
      await exited(child);
    },
  };
  return {
    dataDir,
    proxy,
    sandbox,
    app,
    async stop() {
      await app.stop();
      await proxy.close();
      sandbox.kill("SIGTERM");
      await exited(sandbox);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
