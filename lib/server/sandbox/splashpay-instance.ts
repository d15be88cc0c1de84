import "server-only";
import path from "node:path";
import { SANDBOX_SPLASHPAY_API_KEY, SANDBOX_SPLASHPAY_API_SECRET } from "@/lib/sandbox/splashpay/defaults";
import { createSplashPaySandbox, type SplashPaySandbox } from "@/lib/sandbox/splashpay/handler";
import { defaultSettings } from "@/lib/sandbox/splashpay/settings";
import { getEnv } from "@/lib/server/env";

// One sandbox per process, kept on globalThis: Next.js dev re-evaluates modules on every edit, and two
// instances would each run their own expiry timers over the same state file.

const KEY = Symbol.for("malipo.splashpaySandbox");
const holder = globalThis as unknown as { [KEY]?: SplashPaySandbox };

export function getSplashPaySandbox(): SplashPaySandbox {
  const existing = holder[KEY];
  if (existing) return existing;
  const env = getEnv();
  const base = defaultSettings();
  const pairs = [{ key: SANDBOX_SPLASHPAY_API_KEY, secret: SANDBOX_SPLASHPAY_API_SECRET }];
  if (env.splashpay.apiKey !== SANDBOX_SPLASHPAY_API_KEY) {
    pairs.push({ key: env.splashpay.apiKey, secret: env.splashpay.apiSecret });
  }
  const sandbox = createSplashPaySandbox({
    publicUrl: `${env.publicBaseUrl}/sandbox/splashpay`,
    stateFile: path.join(env.dataDir, "sandbox", "splashpay.json"),
    settings: {
      apiKeys: pairs,
      webhookSecret: env.splashpay.webhookSecret,
      // SplashPay has one merchant-level webhook URL (§10.1).
      webhookUrl: `${env.publicBaseUrl}/api/webhooks/splashpay`,
      expirySeconds: env.paymentTtlSeconds,
      qrMerchant: { ...base.qrMerchant, name: env.merchantName },
    },
  });
  holder[KEY] = sandbox;
  return sandbox;
}
