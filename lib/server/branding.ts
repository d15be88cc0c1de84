import "server-only";
import { getEnv } from "@/lib/server/env";

// The shop's brand as every shopper-facing page shows it (the hosted checkout; receipts and the customer
// display read the same): its name, an optional logo and an optional colour. The colour was checked for
// contrast on white and in dark mode when the configuration was read (lib/brand-color.ts), so a page
// may use it for text and buttons without checking again.

export interface Brand {
  name: string;
  logoUrl: string | null;
  /** #rrggbb, or null for Malipo's own green. */
  color: string | null;
}

export function merchantBrand(): Brand {
  const env = getEnv();
  return {
    name: env.merchantName,
    logoUrl: env.merchantLogoUrl ?? null,
    color: env.merchantBrandColor ?? null,
  };
}

/** The logo's origin, for the pages' Content-Security-Policy img-src; null without a logo. */
export function logoOrigin(): string | null {
  const url = getEnv().merchantLogoUrl;
  return url ? new URL(url).origin : null;
}
