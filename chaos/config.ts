// The reliability suite's inputs. `--small` is the configuration the test command runs (minutes, not
// hours): fewer payments and the reconciler's first check and the create lease shortened through their
// settings, so the same guarantees are exercised quickly. Ports start at CHAOS_PORT_BASE (default 3700).

export const SMALL = process.argv.includes("--small");
const BASE = Number(process.env.CHAOS_PORT_BASE ?? 3700);
export const APP_PORT = BASE;
export const SANDBOX_PORT = BASE + 10;
export const PROXY_PORT = BASE + 20;
export const HOOK_PORT = BASE + 30;
export const APP = `http://127.0.0.1:${APP_PORT}`;
export const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;
export const PROXY = `http://127.0.0.1:${PROXY_PORT}`;
export const HOOKS = `http://127.0.0.1:${HOOK_PORT}`;
export const OWNER = { email: "owner@chaos.malipo.local", password: "chaos-owner-password" };
export const MERCHANT_KEY = "mk_test_chaos_key_0000000";
export const VERBOSE = Boolean(process.env.CHAOS_VERBOSE);

export const SIZES = SMALL
  ? {
      webhookPayments: 32,
      crashCreates: 20,
      committedBeforeCrash: 6,
      dbTraffic: 40,
      streams: 8,
      slowCreates: 10,
      recheckSeconds: 6,
      createLeaseSeconds: 6,
      delayedWebhookSeconds: 9,
      convergeTimeoutMs: 60_000,
      slowPhaseMs: 5_000,
      longLatencyMs: 0,
    }
  : {
      webhookPayments: 1000,
      crashCreates: 100,
      committedBeforeCrash: 20,
      dbTraffic: 200,
      streams: 50,
      slowCreates: 40,
      recheckSeconds: 60,
      createLeaseSeconds: 45,
      delayedWebhookSeconds: 75,
      convergeTimeoutMs: 300_000,
      slowPhaseMs: 60_000,
      longLatencyMs: 30_000,
    };

export type Sizes = typeof SIZES;
