import "server-only";
import { getEnv, type Env } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";

// Which providers this Malipo offers. A provider that is off is not shown on the register or the shopper
// page, its webhook route is 404 and a payment asking for it is refused before anything is written.

export type ProviderName = "paygrid" | "splashpay";

export interface OfferedMethod {
  provider: ProviderName;
  method: "dynamic-qr" | "mobile" | "card" | "tanqr";
}

export function providerIsOn(provider: string, env: Env = getEnv()): boolean {
  if (provider === "paygrid") return env.paygrid.mode !== "off";
  if (provider === "splashpay") return env.splashpay.mode !== "off";
  return false;
}

/** The methods a sale in `currency` may use (TANQR settles in shillings only). */
export function offeredMethods(currency: string | undefined, env: Env = getEnv()): OfferedMethod[] {
  return [
    ...(providerIsOn("paygrid", env)
      ? ([
          { provider: "paygrid", method: "dynamic-qr" },
          { provider: "paygrid", method: "mobile" },
          { provider: "paygrid", method: "card" },
        ] as const)
      : []),
    ...(providerIsOn("splashpay", env) && (currency === undefined || currency === "TZS")
      ? ([{ provider: "splashpay", method: "tanqr" }] as const)
      : []),
  ];
}

export function requireProviderConfigured(provider: string, env: Env = getEnv()): void {
  if (providerIsOn(provider, env)) return;
  throw new ApiError(
    "PROVIDER_NOT_CONFIGURED",
    `The ${provider} payment provider is not configured on this Malipo. Choose another method.`,
    { fields: [{ path: "provider", message: "not configured on this Malipo" }] },
  );
}
