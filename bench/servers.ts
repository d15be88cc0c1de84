import { spawn, execSync, type ChildProcess, type StdioOptions } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  APP,
  APP_PORT,
  FISCAL,
  OWNER,
  RAW_SSE_PORT,
  SANDBOX,
  SANDBOX_PORT,
  SIGNING_KEY,
  VERBOSE,
} from "./config";
import { request } from "./http";

// The servers a bench run measures: the standalone PayGrid sandbox and the production build, each on its own
// port with its own data directory, and a signed-in cashier. The reliability suite (chaos/servers.ts) starts
// its servers with the same helpers.

const children: ChildProcess[] = [];

/** Spawns a child this run stops at its end (stopChildren). */
export function spawnChild(
  command: string,
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string; stdio?: StdioOptions } = {},
): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...env },
    stdio: options.stdio ?? ["ignore", VERBOSE ? "inherit" : "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

/** Resolves once the child is gone, whether it exited or was killed by a signal. */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
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
  const exits = children.map(exited);
  for (const child of children) child.kill("SIGTERM");
  children.length = 0;
  return Promise.all(exits).then(() => undefined);
}

/**
 * The standalone sandbox (PayGrid at its root, SplashPay under /splashpay), keeping its state in `dataDir`
 * and sending webhooks only to `appUrls`. Started through node itself (not npx) so the pid is the server's.
 */
export function spawnSandbox(
  port: number,
  dataDir: string,
  appUrls: string[],
  extraArgs: string[] = [],
  stdio?: StdioOptions,
): ChildProcess {
  const args = ["--import", "tsx", "scripts/sandbox-server.ts", "--port", String(port)];
  args.push("--state", `${dataDir}/sandbox.json`, "--splashpay-state", `${dataDir}/sandbox-splashpay.json`);
  for (const url of appUrls) args.push("--app-url", url);
  return spawnChild(process.execPath, [...args, ...extraArgs], {}, { stdio });
}

const STANDALONE_DIR = path.resolve(".next/standalone");
let assembled = false;

/** Builds when there is no standalone build, and puts its static files and migrations beside it once. */
export function ensureStandalone(): void {
  if (assembled) return;
  if (!fs.existsSync(path.join(STANDALONE_DIR, "server.js")))
    execSync("npx next build", { stdio: "inherit" });
  execSync("bash scripts/assemble-standalone.sh", { stdio: "inherit" });
  assembled = true;
}

/**
 * The production build as the image runs it (Dockerfile): `node server.js` in .next/standalone, listening
 * on PORT and HOSTNAME, so the pid is the server's own (its RSS is what the bench reads).
 */
export function spawnApp(port: number, env: Record<string, string>, stdio?: StdioOptions): ChildProcess {
  ensureStandalone();
  return spawnChild(
    process.execPath,
    ["server.js"],
    {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
    },
    { cwd: STANDALONE_DIR, stdio },
  );
}

/** Signs in with email and password; answers the session cookie. */
export async function signIn(app: string, owner: { email: string; password: string }): Promise<string> {
  const login = await request("POST", `${app}/api/session`, JSON.stringify(owner), {
    "content-type": "application/json",
  });
  const cookie = String(login.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
  if (!cookie) throw new Error(`sign-in failed: ${login.status} ${login.body}`);
  return cookie;
}

/** Stream caps high enough for the bench's thousands of streams from one address (README "Configuration"). */
export const BENCH_STREAM_CAPS = {
  SSE_MAX_STREAMS_PER_CLIENT: "100000",
  SSE_MAX_STREAMS_PER_PAYMENT: "1000",
};

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

  spawnSandbox(SANDBOX_PORT, dataDir, [APP], ["--signing-key", SIGNING_KEY]);
  const app = spawnApp(APP_PORT, {
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: APP,
    SANDBOX: "1",
    PAYGRID_BASE_URL: `${SANDBOX}/api/v1`,
    PAYGRID_WEBHOOK_SIGNING_KEY: SIGNING_KEY,
    OWNER_EMAIL: OWNER.email,
    OWNER_PASSWORD: OWNER.password,
    SESSION_SECRET: "bench-session-secret-that-is-long-enough",
    MERCHANT_API_KEY: "mk_test_bench_key_000000",
    // Every stream comes from this one address, several per payment at the larger count: lift the caps
    // a shop's clients meet, or the bench would measure 429s.
    ...BENCH_STREAM_CAPS,
    LOG_LEVEL: "warn",
    ...(FISCAL ? {} : { VFD_MODE: "off" }),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  await waitFor(`${SANDBOX}/control/settings`);
  await waitFor(`${APP}/api/health`);

  const cookie = await signIn(APP, OWNER);
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
export async function assertPortsFree(
  urls = [APP, SANDBOX, `http://127.0.0.1:${RAW_SSE_PORT}`],
): Promise<void> {
  for (const url of urls) {
    const answered = await fetch(url).then(
      () => true,
      () => false,
    );
    if (answered) throw new Error(`${url} is already in use: stop what runs there, then bench again`);
  }
}
