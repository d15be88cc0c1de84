import "server-only";
import type { Db } from "@/lib/server/db/client";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { fiscalContextFor } from "./fiscal-worker";
import type { FiscalOverview } from "@/lib/fiscal-receipt";
import { fiscalOverview } from "./fiscal-status";
import { FiscalRegistrationError, registerDevice } from "./registration";
import { FiscalConfigError } from "./signing-key";

/** Registers the device from the back office; the problem is named when TRA or the certificate refuses. */
export async function registerFromBackOffice(db: Db): Promise<FiscalOverview> {
  const vfd = getEnv().vfd;
  if (vfd.mode === "off")
    throw new ApiError("PROVIDER_NOT_CONFIGURED", "Fiscal receipts are off (VFD_MODE).");
  try {
    await registerDevice(db, fiscalContextFor(vfd));
  } catch (error) {
    if (error instanceof FiscalRegistrationError || error instanceof FiscalConfigError) {
      throw new ApiError("PROVIDER_UNAVAILABLE", error.message, { retryable: false });
    }
    throw error;
  }
  return fiscalOverview(db);
}
