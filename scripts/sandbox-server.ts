// `npm run sandbox`: the PayGrid and SplashPay sandboxes on one port, as separate "providers" for e2e runs.
// PayGrid is served at the root (/api/v1, /control, /pay), SplashPay under /splashpay, and TRA's VFD API
// (fiscal receipts) under /tra; a device is added with POST /tra/control/devices {tin, certKey, certificatePem}.
//   --tra-state .data/sandbox/tra-standalone.json
//   --port 4010 (env SANDBOX_PORT)   --state .data/sandbox/paygrid-standalone.json
//   --webhook-retry-delays 1,2,3     --expiry-seconds N (env PAYMENT_TTL_SECONDS, else 1800)
//   --signing-key KEY                --auto-outcome-delay SECONDS   --host 127.0.0.1
//   --api-keys k1,k2 (env SANDBOX_API_KEYS): PayGrid keys accepted besides sk_test_malipo_sandbox
//   --splashpay-state .data/sandbox/splashpay-standalone.json
//   --splashpay-webhook-secret SECRET (default whsec_malipo_sandbox_splashpay)
//   --app-url URL, repeatable (env SANDBOX_APP_URLS, comma-separated; default http://localhost:3000):
//     the Malipo app(s) this sandbox serves, their PUBLIC_BASE_URL; a webhook URL outside them is refused
//   --splashpay-webhook-url URL (default the first app URL + /api/webhooks/splashpay)
//   --control-token TOKEN (env SANDBOX_CONTROL_TOKEN): /control/… from other machines with the
//     X-Sandbox-Control-Token header; without it the controls answer this machine (loopback) only
//   --splashpay-api-keys pk:sk,pk2:sk2 (env SANDBOX_SPLASHPAY_API_KEYS): key pairs accepted besides
//     pk_test_malipo_sandbox:sk_test_malipo_sandbox
import path from "node:path";
import { parseArgs } from "node:util";
import { startSandboxServer } from "../lib/sandbox/node-server";
import { isAppUrl } from "../lib/sandbox/common/webhook-target";
import {
  SANDBOX_PAYGRID_API_KEY,
  SANDBOX_PAYGRID_WEBHOOK_SIGNING_KEY,
  SANDBOX_SPLASHPAY_API_KEY,
  SANDBOX_SPLASHPAY_API_SECRET,
  SANDBOX_SPLASHPAY_WEBHOOK_SECRET,
} from "../lib/sandbox-credentials";
import type { PayGridSandboxSettings } from "../lib/sandbox/paygrid/settings";
import type { SplashPaySandboxSettings } from "../lib/sandbox/splashpay/settings";

function fail(message: string): never {
  console.error(`sandbox-server: ${message}`);
  process.exit(2);
}

function number(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) fail(`--${name} expects a non-negative number, got "${raw}"`);
  return value;
}

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    state: { type: "string" },
    "webhook-retry-delays": { type: "string" },
    "expiry-seconds": { type: "string" },
    "signing-key": { type: "string" },
    "auto-outcome-delay": { type: "string" },
    "api-keys": { type: "string" },
    "splashpay-state": { type: "string" },
    "splashpay-webhook-secret": { type: "string" },
    "splashpay-webhook-url": { type: "string" },
    "splashpay-api-keys": { type: "string" },
    "control-token": { type: "string" },
    "app-url": { type: "string", multiple: true },
    "tra-state": { type: "string" },
  },
});

const port = number("port", values.port ?? process.env.SANDBOX_PORT) ?? 4010;

// The simulators send webhooks to these apps only (lib/sandbox/common/webhook-target.ts).
const givenAppUrls = values["app-url"] ?? (process.env.SANDBOX_APP_URLS ?? "").split(",");
const appUrls = givenAppUrls.map((u) => u.trim().replace(/\/+$/, "")).filter(Boolean);
if (appUrls.length === 0) appUrls.push("http://localhost:3000");
for (const u of appUrls) {
  if (!/^https?:\/\/[^/?#@]+$/.test(u))
    fail(`--app-url expects an origin such as http://127.0.0.1:3000, got "${u}"`);
}
const settings: Partial<PayGridSandboxSettings> = {
  expirySeconds:
    number("expiry-seconds", values["expiry-seconds"] ?? process.env.PAYMENT_TTL_SECONDS) ?? 1800,
  webhookSigningKey: values["signing-key"] ?? SANDBOX_PAYGRID_WEBHOOK_SIGNING_KEY,
};
const delays = values["webhook-retry-delays"];
if (delays !== undefined) {
  settings.webhookRetryDelaysSeconds = delays
    .split(",")
    .filter((d) => d.trim() !== "")
    .map((d) => number("webhook-retry-delays", d.trim()) ?? 0);
}
const extraKeys = (values["api-keys"] ?? process.env.SANDBOX_API_KEYS ?? "")
  .split(",")
  .map((k) => k.trim())
  .filter(Boolean);
if (extraKeys.length > 0) settings.apiKeys = [SANDBOX_PAYGRID_API_KEY, ...extraKeys];
const autoOutcome = number("auto-outcome-delay", values["auto-outcome-delay"]);
if (autoOutcome !== undefined) settings.autoOutcomeDelaySeconds = autoOutcome;

const stateFile = path.resolve(values.state ?? ".data/sandbox/paygrid-standalone.json");

const splashpay: Partial<SplashPaySandboxSettings> = {
  expirySeconds: settings.expirySeconds,
  webhookSecret: values["splashpay-webhook-secret"] ?? SANDBOX_SPLASHPAY_WEBHOOK_SECRET,
  webhookUrl: values["splashpay-webhook-url"] ?? `${appUrls[0]}/api/webhooks/splashpay`,
  apiKeys: [
    { key: SANDBOX_SPLASHPAY_API_KEY, secret: SANDBOX_SPLASHPAY_API_SECRET },
    ...(values["splashpay-api-keys"] ?? process.env.SANDBOX_SPLASHPAY_API_KEYS ?? "")
      .split(",")
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf(":");
        if (at <= 0 || at === pair.length - 1) fail(`--splashpay-api-keys expects key:secret pairs`);
        return { key: pair.slice(0, at), secret: pair.slice(at + 1) };
      }),
  ],
};
if (settings.webhookRetryDelaysSeconds)
  splashpay.webhookRetryDelaysSeconds = settings.webhookRetryDelaysSeconds;
if (autoOutcome !== undefined) splashpay.autoOutcomeDelaySeconds = autoOutcome;
if (splashpay.webhookUrl && !isAppUrl(splashpay.webhookUrl, appUrls)) {
  fail(`--splashpay-webhook-url must be a page of an --app-url (${appUrls.join(", ")})`);
}
const splashpayStateFile = path.resolve(
  values["splashpay-state"] ?? ".data/sandbox/splashpay-standalone.json",
);

// tsx runs this file as CommonJS (no "type": "module"), where top-level await is not available.
async function main(): Promise<void> {
  const server = await startSandboxServer({
    port,
    host: values.host,
    controlToken: values["control-token"] ?? process.env.SANDBOX_CONTROL_TOKEN,
    appUrls,
    paygrid: { settings, stateFile },
    splashpay: { settings: splashpay, stateFile: splashpayStateFile },
    tra: { stateFile: path.resolve(values["tra-state"] ?? ".data/sandbox/tra-standalone.json") },
  });
  console.log(`Sandbox listening on ${server.url}`);
  console.log(`  PayGrid API base:    ${server.url}/api/v1`);
  console.log(`  PayGrid state:       ${stateFile}`);
  console.log(`  SplashPay API base:  ${server.url}/splashpay/api/v1`);
  console.log(`  SplashPay state:     ${splashpayStateFile}`);
  console.log(`  SplashPay webhooks → ${splashpay.webhookUrl}`);
  console.log(`  Webhooks only to:   ${appUrls.join(", ")}`);
  console.log(`  TRA VFD API base:    ${server.url}/tra (verification: ${server.url}/tra/verify/…)`);

  let closing = false;
  async function shutdown(signal: string): Promise<void> {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: saving state and stopping…`);
    await server.close();
    process.exit(0);
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("sandbox-server: could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
