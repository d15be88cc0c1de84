import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { request } from "../bench/http";
import { waitFor } from "../bench/servers";
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
// same data directory or database.

function spawnLogged(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", VERBOSE ? "inherit" : "ignore", VERBOSE ? "inherit" : "ignore"],
  });
}

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

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
}

export async function startServers(databaseUrl: string | undefined, label: string): Promise<Servers> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `malipo-chaos-${label}-`));
  const sandbox = spawnLogged(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/sandbox-server.ts",
      "--port",
      String(SANDBOX_PORT),
      "--state",
      `${dataDir}/sandbox.json`,
      "--splashpay-state",
      `${dataDir}/sandbox-splashpay.json`,
      "--splashpay-webhook-url",
      `${APP}/api/webhooks/splashpay`,
      "--webhook-retry-delays",
      "1,2,4",
      "--app-url",
      APP,
    ],
    {},
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
    child = spawnLogged(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-p", String(APP_PORT)],
      env,
    );
    await waitFor(`${APP}/api/health`);
    // Signed in once: the register keeps its session across a restart (a new sign-in would be another
    // register, with its own Idempotency-Key scope).
    if (cookie) return;
    const login = await request("POST", `${APP}/api/session`, JSON.stringify(OWNER), {
      "content-type": "application/json",
    });
    cookie = String(login.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
    if (!cookie) throw new Error(`sign-in failed: ${login.status} ${login.body}`);
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
