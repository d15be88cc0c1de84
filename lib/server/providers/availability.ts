import "server-only";
import { getEnv, type Env } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { enabledMethods, takesCurrency, type PaymentMethod, type Provider } from "@/lib/payment-methods";

// Which providers this Malipo offers. A provider that is off is not shown on the register or the shopper
// page, its webhook route is 404 and a payment asking for it is refused before anything is written.

export function providerIsOn(provider: string, env: Env = getEnv()): boolean {
  if (provider === "paygrid") return env.paygrid.mode !== "off";
  if (provider === "splashpay") return env.splashpay.mode !== "off";
  return false;
}

/** The methods of the providers that are on; with a currency, only those that take it (TANQR: TZS). */
export function offeredMethods(
  currency: string | undefined,
  env: Env = getEnv(),
): { provider: Provider; method: PaymentMethod }[] {
  const on = { paygrid: providerIsOn("paygrid", env), splashpay: providerIsOn("splashpay", env) };
  return enabledMethods(on).filter((m) => currency === undefined || takesCurrency(m.method, currency));
}

export function requireProviderConfigured(provider: string, env: Env = getEnv()): void {
  if (providerIsOn(provider, env)) return;
  throw new ApiError(
    "PROVIDER_NOT_CONFIGURED",
    `The ${provider} payment provider is not configured on this Malipo. Choose another method.`,
    { fields: [{ path: "provider", message: "not configured on this Malipo" }] },
  );
}
