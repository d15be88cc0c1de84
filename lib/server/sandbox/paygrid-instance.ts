import "server-only";
import path from "node:path";
import { SANDBOX_PAYGRID_API_KEY } from "@/lib/sandbox/paygrid/defaults";
import { createPayGridSandbox, type PayGridSandbox } from "@/lib/sandbox/paygrid/handler";
import { defaultSettings } from "@/lib/sandbox/paygrid/settings";
import { getEnv } from "@/lib/server/env";

// One sandbox per process, kept on globalThis: Next.js dev re-evaluates modules on every edit, and two
// instances would each run their own expiry timers over the same state file.

const KEY = Symbol.for("malipo.paygridSandbox");
const holder = globalThis as unknown as { [KEY]?: PayGridSandbox };

export function getPayGridSandbox(): PayGridSandbox {
  const existing = holder[KEY];
  if (existing) return existing;
  const env = getEnv();
  const base = defaultSettings();
  const sandbox = createPayGridSandbox({
    publicUrl: `${env.publicBaseUrl}/sandbox/paygrid`,
    stateFile: path.join(env.dataDir, "sandbox", "paygrid.json"),
    settings: {
      apiKeys: [...new Set([SANDBOX_PAYGRID_API_KEY, env.paygrid.apiKey].filter((k) => k !== ""))],
      webhookSigningKey: env.paygrid.webhookSigningKey,
      expirySeconds: env.paymentTtlSeconds,
      qrMerchant: { ...base.qrMerchant, name: env.merchantName },
    },
  });
  holder[KEY] = sandbox;
  return sandbox;
}
