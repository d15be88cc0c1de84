import "server-only";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { requireProviderConfigured } from "./availability";
import type { PaymentProviderAdapter } from "./adapter";
import { guardAdapter, ProviderGuard, type ProviderGuardState } from "./provider-guard";
import { createPayGridAdapter } from "./paygrid/adapter";
import { createSplashPayAdapter } from "./splashpay/adapter";

// One adapter per provider per process, built from configuration on first use, behind that provider's
// concurrency limit and circuit breaker (provider-guard.ts).
const adapters = new Map<string, PaymentProviderAdapter>();
const guards = new Map<string, ProviderGuard>();

/** Each provider's limit and breaker as they stand (for metrics and health). */
export function providerGuardStates(): ProviderGuardState[] {
  return [...guards.values()].map((guard) => guard.state());
}

export function providerAdapter(provider: string): PaymentProviderAdapter {
  const existing = adapters.get(provider);
  if (existing) return existing;
  const env = getEnv();
  let adapter: PaymentProviderAdapter;
  if (provider === "paygrid" && env.paygrid.mode !== "off") {
    adapter = createPayGridAdapter({ baseUrl: env.paygrid.baseUrl, apiKey: env.paygrid.apiKey });
  } else if (provider === "splashpay" && env.splashpay.mode !== "off") {
    adapter = createSplashPayAdapter({
      baseUrl: env.splashpay.baseUrl,
      apiKey: env.splashpay.apiKey,
      apiSecret: env.splashpay.apiSecret,
    });
  } else {
    requireProviderConfigured(provider, env);
    throw new ApiError("INTERNAL", `No adapter for ${provider}.`);
  }
  const guard = new ProviderGuard(provider);
  guards.set(provider, guard);
  const guarded = guardAdapter(adapter, guard);
  adapters.set(provider, guarded);
  return guarded;
}

/** Tests point the app at a fresh sandbox between suites. */
export function resetProviderAdaptersForTests(): void {
  adapters.clear();
  guards.clear();
}
