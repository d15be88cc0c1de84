import "server-only";
import { getEnv } from "@/lib/server/env";

// Kept apart from brand.ts so the proxy, which runs before every page, reads the configuration only and
// never opens the database. An uploaded logo is served from this app's own origin ('self').

/** The MERCHANT_LOGO_URL origin, for the pages' Content-Security-Policy img-src; null without one. */
export function logoOrigin(): string | null {
  const url = getEnv().merchantLogoUrl;
  return url ? new URL(url).origin : null;
}
