import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Child processes of the cluster suite: the production build's standalone server (started exactly as the
// container image's CMD does: `node server.js` in the standalone folder) and the standalone PayGrid sandbox.

export const STANDALONE_DIR = path.resolve(".next/standalone");
export const SIGNING_KEY = "cluster_signing_key";
export const SANDBOX_API_KEY = "sk_test_malipo_sandbox";
export const OWNER = { email: "owner@cluster.malipo.local", password: "cluster-owner-password" };
export const MERCHANT_API_KEY = "mk_test_cluster_merchant_key_01";
export const MERCHANT_WEBHOOK_SECRET = "whsec_Y2x1c3Rlci13ZWJob29rLXNlY3JldC0wMDAwMDA=";
export const METRICS_TOKEN = "cluster-metrics-token-0000";

export interface Child {
  process: ChildProcess;
  url: string;
  /** Every line the process wrote (stdout and stderr), for assertions on logs. */
  lines: string[];
  exited: Promise<number | null>;
}

function track(child: ChildProcess, url: string): Child {
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(line);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { process: child, url, lines, exited };
}

export function standaloneBuilt(): boolean {
  return fs.existsSync(path.join(STANDALONE_DIR, "server.js"));
}

export interface InstanceOptions {
  port: number;
  databaseUrl: string;
  paygridBaseUrl: string;
  merchantWebhookUrl?: string;
  extraEnv?: Record<string, string>;
}

/** One Malipo instance as the image runs it: `node server.js`, PORT and HOSTNAME from the environment. */
export function startInstance(options: InstanceOptions): Child {
  const url = `http://127.0.0.1:${options.port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-cluster-"));
  const child = spawn(process.execPath, ["server.js"], {
    cwd: STANDALONE_DIR,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      DATA_DIR: dataDir,
      PUBLIC_BASE_URL: url,
      SANDBOX: "1",
      PAYGRID_BASE_URL: options.paygridBaseUrl,
      PAYGRID_WEBHOOK_SIGNING_KEY: SIGNING_KEY,
      OWNER_EMAIL: OWNER.email,
      OWNER_PASSWORD: OWNER.password,
      SESSION_SECRET: "cluster-session-secret-that-is-long-enough",
      MERCHANT_API_KEY,
      MERCHANT_WEBHOOK_SECRET,
      ...(options.merchantWebhookUrl ? { MERCHANT_WEBHOOK_URL: options.merchantWebhookUrl } : {}),
      METRICS_TOKEN,
      LOG_LEVEL: "info",
      ...options.extraEnv,
    },
  });
  return track(child, url);
}

/** The standalone sandbox, sending webhooks only to `appUrls` (the instances' PUBLIC_BASE_URL). */
export function startSandbox(port: number, appUrls: string[]): Child {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-cluster-sandbox-"));
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/sandbox-server.ts",
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
      "--state",
      path.join(stateDir, "paygrid.json"),
      "--splashpay-state",
      path.join(stateDir, "splashpay.json"),
      "--signing-key",
      SIGNING_KEY,
      ...appUrls.flatMap((url) => ["--app-url", url]),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  return track(child, `http://127.0.0.1:${port}`);
}

/** Polls `url` until it answers `status` (startup only: everything after start asserts on counts). */
export async function waitForStatus(url: string, status: number, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status === status) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer ${status} in time (last: ${last})`);
}

export async function stop(child: Child, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill(signal);
  return child.exited;
}
