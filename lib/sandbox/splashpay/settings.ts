import { z } from "zod";
import { DEFAULT_TANQR_MERCHANT } from "@/lib/emv-qr";
import { mergeSettings, NESTED_SETTINGS } from "../common/merge-settings";
import {
  deliveryPatchShape,
  expiryPatchShape,
  qrMerchantPatchSchema,
  type QrMerchantSettings,
} from "../common/settings-schemas";
import type { DeliverySettings } from "../common/webhook-dispatcher";
import {
  SANDBOX_SPLASHPAY_API_KEY,
  SANDBOX_SPLASHPAY_API_SECRET,
  SANDBOX_SPLASHPAY_WEBHOOK_SECRET,
} from "@/lib/sandbox-credentials";

// Every open point of docs/providers.md#splashpay-sandbox (S1–S29) is a setting so tests can steer the simulated provider.

export const QR_MODES = ["tanqr", "wrong-amount"] as const;
export type QrMode = (typeof QR_MODES)[number];

export interface ApiKeyPair {
  key: string;
  secret: string;
}

export interface SplashPaySandboxSettings extends DeliverySettings {
  apiKeys: ApiKeyPair[];
  webhookSecret: string;
  /** SplashPay has one merchant-level webhook URL (no per-request field); null → nothing is sent. */
  webhookUrl: string | null;
  /** S1: "status" = the documented envelope; "legacy" = the SDK fixtures' `{ success: false, … }`. */
  errorShape: "status" | "legacy";
  /** S5: major units; 0 = no minimum. */
  minAmount: number;
  /** S7: when true an identical body under a reused key replays the first answer instead of 409. */
  replayIdenticalRequests: boolean;
  idempotencyTtlSeconds: number;
  merchantId: number;
  qrMode: QrMode;
  /** S12: adds a non-standard `data.qr_payload` (tests only; the production client never reads it). */
  exposeQrPayload: boolean;
  expirySeconds: number;
  expiryGraceSeconds: number;
  feeRate: number;
  rateLimitPerMinute: number;
  autoOutcomeDelaySeconds: number;
  qrMerchant: QrMerchantSettings;
}

export function defaultSettings(): SplashPaySandboxSettings {
  return {
    apiKeys: [{ key: SANDBOX_SPLASHPAY_API_KEY, secret: SANDBOX_SPLASHPAY_API_SECRET }],
    webhookSecret: SANDBOX_SPLASHPAY_WEBHOOK_SECRET,
    webhookUrl: null,
    errorShape: "status",
    minAmount: 0,
    replayIdenticalRequests: false,
    idempotencyTtlSeconds: 86_400,
    merchantId: 2,
    qrMode: "tanqr",
    exposeQrPayload: false,
    expirySeconds: 1800,
    expiryGraceSeconds: 0,
    feeRate: 0.01,
    webhookTimeoutSeconds: 30,
    webhookRetryDelaysSeconds: [60, 300, 900, 1800, 3600, 14_400, 43_200],
    webhookFaults: { drop: 0, duplicate: 0, reorder: 0, delaySeconds: 0 },
    rateLimitPerMinute: 0,
    autoOutcomeDelaySeconds: 5,
    qrMerchant: { ...DEFAULT_TANQR_MERCHANT, name: "Malipo Demo Shop" },
  };
}

/** Body of `PUT /control/settings`: any subset; webhookFaults and qrMerchant merge with the current values. */
export const settingsPatchSchema = z
  .object({
    apiKeys: z
      .array(z.object({ key: z.string().min(1).max(255), secret: z.string().min(1).max(255) }).strict())
      .min(1),
    webhookSecret: z.string().min(1),
    webhookUrl: z.string().max(2048).nullable(),
    errorShape: z.enum(["status", "legacy"]),
    minAmount: z.number().min(0),
    replayIdenticalRequests: z.boolean(),
    merchantId: z.number().int().min(1),
    qrMode: z.enum(QR_MODES),
    exposeQrPayload: z.boolean(),
    feeRate: z.number().min(0).max(1),
    ...expiryPatchShape,
    ...deliveryPatchShape,
    qrMerchant: qrMerchantPatchSchema,
  })
  .partial()
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export function applySettingsPatch(
  current: SplashPaySandboxSettings,
  patch: SettingsPatch | Partial<SplashPaySandboxSettings> | undefined,
): SplashPaySandboxSettings {
  return mergeSettings(current, patch, NESTED_SETTINGS);
}

/** GET /control/settings must not echo the credentials back. */
export function redactSettings(settings: SplashPaySandboxSettings): Record<string, unknown> {
  return {
    ...settings,
    apiKeys: settings.apiKeys.map((pair) => ({ key: `${pair.key.slice(0, 8)}…`, secret: "[redacted]" })),
    webhookSecret: "[redacted]",
  };
}
