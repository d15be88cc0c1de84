import "server-only";
import type { BrandLogoJson } from "@/lib/brand-logo-contract";
import type { LogoType } from "@/lib/image-type";
import type { Db } from "@/lib/server/db/client";
import { getEnv } from "@/lib/server/env";
import { logoVersion, type LogoVersion } from "./logo-store";

// The shop's brand as every shopper-facing page shows it (the hosted checkout, the digital receipt and the
// customer display): its name, an optional logo and an optional colour. The colour was checked for
// contrast on white and in dark mode when the configuration was read (lib/brand-color.ts), so a page
// may use it for text and buttons without checking again.

export interface Brand {
  name: string;
  logoUrl: string | null;
  /** #rrggbb, or null for Malipo's own green. */
  color: string | null;
}

/** The URL of the uploaded logo; `v` changes with the image, so a browser may keep each version for good. */
export function uploadedLogoUrl(etag: string): string {
  return `/api/brand/logo?v=${etag}`;
}

/** An uploaded logo (README "Branding") wins over MERCHANT_LOGO_URL, so the owner can change it without a restart. */
export async function merchantBrand(db: Db): Promise<Brand> {
  const env = getEnv();
  const uploaded = await logoVersion(db);
  return {
    name: env.merchantName,
    logoUrl: uploaded ? uploadedLogoUrl(uploaded.etag) : (env.merchantLogoUrl ?? null),
    color: env.merchantBrandColor ?? null,
  };
}

/** The uploaded logo as the back office's API answers it (docs/api.md "Branding"). */
export function logoJson(version: LogoVersion | null): BrandLogoJson {
  return {
    logo: version
      ? {
          url: uploadedLogoUrl(version.etag),
          content_type: version.contentType as LogoType,
          size: version.size,
          updated_at: version.updatedAt.toISOString(),
        }
      : null,
  };
}
