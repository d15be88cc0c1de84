import { z } from "zod";
import type { TanqrMerchant } from "@/lib/emv-qr";

// Patch rules for the settings every sandbox shares (PUT /control/settings): delivery knobs and the
// merchant data inside the TANQR payloads they build (docs/providers.md#tanqr-sandbox-payload).

export type QrMerchantSettings = TanqrMerchant;

const probability = z.number().min(0).max(1);

export const secondsSchema = z
  .number()
  .min(0)
  .max(86_400 * 7);

export const deliveryPatchShape = {
  webhookTimeoutSeconds: z.number().min(0.1).max(300),
  webhookRetryDelaysSeconds: z.array(secondsSchema).max(20),
  webhookFaults: z
    .object({
      drop: probability,
      duplicate: probability,
      reorder: probability,
      delaySeconds: secondsSchema,
      delay: probability,
    })
    .partial()
    .strict(),
};

export const expiryPatchShape = {
  expirySeconds: z
    .number()
    .min(0.1)
    .max(86_400 * 7),
  expiryGraceSeconds: secondsSchema,
  autoOutcomeDelaySeconds: secondsSchema,
  rateLimitPerMinute: z.number().int().min(0),
  idempotencyTtlSeconds: z.number().int().min(1),
};

export const qrMerchantPatchSchema = z
  .object({
    name: z.string().min(1).max(60),
    acquirerId: z.string().regex(/^\d{1,20}$/),
    merchantId: z.string().regex(/^\d{1,20}$/),
    mcc: z.string().regex(/^\d{4}$/),
    city: z.string().min(1).max(15),
    postalCode: z.string().min(1).max(10),
    storeLabel: z.string().min(1).max(25),
    terminalLabel: z.string().min(1).max(25),
  })
  .partial()
  .strict();

/** The settings route's 400 detail: one line per zod issue. */
export function settingsIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "body", message: issue.message }));
}
