import { spawn, execSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { APP, APP_PORT, OWNER, RAW_SSE_PORT, SANDBOX, SANDBOX_PORT, SIGNING_KEY, VERBOSE } from "./config";
import { request } from "./http";

// The servers a bench run measures: the standalone PayGrid sandbox and the production build, each on its own
// port with its own data directory, and a signed-in cashier.

const children: ChildProcess[] = [];

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", VERBOSE ? "inherit" : "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

export async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up`);
}

export function stopChildren(): Promise<void> {
  const exits = children.map(
    (child) =>
      new Promise<void>((resolve) =>
        child.exitCode !== null ? resolve() : child.once("exit", () => resolve()),
      ),
  );
  for (const child of children) child.kill("SIGTERM");
  children.length = 0;
  return Promise.all(exits).then(() => undefined);
}

export interface Servers {
  app: ChildProcess;
  dataDir: string;
  cookie: string;
  /** Headers of a cashier's create-payment request with this Idempotency-Key. */
  appHeaders: (key: string) => Record<string, string>;
  stop: () => Promise<void>;
}

export async function startServers(databaseUrl: string | undefined): Promise<Servers> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-bench-"));

  // Started through node itself (not npx) so the pid we signal is the server's own.
  start(
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
      "--signing-key",
      SIGNING_KEY,
    ],
    {},
  );
  const app = start(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(APP_PORT)], {
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: APP,
    SANDBOX: "1",
    PAYGRID_BASE_URL: `${SANDBOX}/api/v1`,
    PAYGRID_WEBHOOK_SIGNING_KEY: SIGNING_KEY,
    OWNER_EMAIL: OWNER.email,
    OWNER_PASSWORD: OWNER.password,
    SESSION_SECRET: "bench-session-secret-that-is-long-enough",
    MERCHANT_API_KEY: "mk_test_bench_key_000000",
    LOG_LEVEL: "warn",
    // Every bench stream comes from one address; the per-client cap guards a public link, not a bench.
    SSE_MAX_STREAMS_PER_CLIENT: "100000",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  await waitFor(`${SANDBOX}/control/settings`);
  await waitFor(`${APP}/api/health`);

  const login = await request("POST", `${APP}/api/session`, JSON.stringify(OWNER), {
    "content-type": "application/json",
  });
  const cookie = String(login.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
  const appHeaders = (key: string) => ({
    "content-type": "application/json",
    cookie,
    "idempotency-key": key,
  });
  const stop = async () => {
    await stopChildren();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, dataDir, cookie, appHeaders, stop };
}

export function postgresAvailable(): boolean {
  try {
    execSync("pg_isready -h 127.0.0.1 -q", { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A server left on a bench port would be measured instead of ours: refuse to start over it. */
export async function assertPortsFree(): Promise<void> {
  for (const url of [APP, SANDBOX, `http://127.0.0.1:${RAW_SSE_PORT}`]) {
    const answered = await fetch(url).then(
      () => true,
      () => false,
    );
    if (answered) throw new Error(`${url} is already in use: stop what runs there, then bench again`);
  }
}
