import { z } from "zod";
import { DEFAULT_TANQR_MERCHANT } from "@/lib/emv-qr";
import { NETWORK_PREFIXES, NETWORKS, type Network } from "@/lib/phone";
import { mergeSettings, NESTED_SETTINGS } from "../common/merge-settings";
import {
  deliveryPatchShape,
  expiryPatchShape,
  qrMerchantPatchSchema,
  type QrMerchantSettings,
} from "../common/settings-schemas";
import type { WebhookFaults } from "../common/webhook-dispatcher";
import { SANDBOX_PAYGRID_API_KEY, SANDBOX_PAYGRID_WEBHOOK_SIGNING_KEY } from "@/lib/sandbox-credentials";

// Every open point of docs/providers.md#paygrid-sandbox is a setting so tests can steer the simulated provider.

export const PAYMENT_TYPES = ["mobile", "card", "dynamic-qr"] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export type SandboxNetwork = Network;

export const QR_MODES = ["tanqr", "payment-url", "wrong-amount"] as const;
export type QrMode = (typeof QR_MODES)[number];

export interface PayGridSandboxSettings {
  apiKeys: string[];
  webhookSigningKey: string;
  enabledTypes: PaymentType[];
  legacyBareObjects: boolean;
  currencies: string[];
  /** Major units per type and currency; below it → 400 PAYMENT_FAILED (S6). */
  minAmount: Partial<Record<PaymentType, Record<string, number>>>;
  referenceMaxLength: number;
  /** Two digits after 255 → network (S10). */
  networkPrefixes: Record<string, SandboxNetwork>;
  defaultNetwork: SandboxNetwork;
  idempotencyTtlSeconds: number;
  rejectKeyReuseWithDifferentBody: boolean;
  marginRate: number;
  expirySeconds: number;
  expiryGraceSeconds: number;
  webhookOnSyncDecline: boolean;
  testModeEnabled: boolean;
  webhookTimeoutSeconds: number;
  webhookRetryDelaysSeconds: number[];
  webhookFaults: WebhookFaults;
  rateLimitPerMinute: number;
  autoOutcomeDelaySeconds: number;
  qrMode: QrMode;
  qrMerchant: QrMerchantSettings;
  /** Every create answers 502 PROVIDER_UNAVAILABLE, retries included: PayGrid is down (failover tests). */
  createUnavailable: boolean;
}

export function defaultSettings(): PayGridSandboxSettings {
  return {
    apiKeys: [SANDBOX_PAYGRID_API_KEY],
    webhookSigningKey: SANDBOX_PAYGRID_WEBHOOK_SIGNING_KEY,
    enabledTypes: ["mobile", "card", "dynamic-qr"],
    legacyBareObjects: false,
    currencies: ["TZS", "USD", "KES", "UGX"],
    minAmount: { mobile: { TZS: 500 } },
    referenceMaxLength: 255,
    networkPrefixes: { ...NETWORK_PREFIXES },
    defaultNetwork: "vodacom",
    idempotencyTtlSeconds: 86_400,
    rejectKeyReuseWithDifferentBody: false,
    marginRate: 0.03,
    expirySeconds: 1800,
    expiryGraceSeconds: 0,
    webhookOnSyncDecline: false,
    testModeEnabled: true,
    webhookTimeoutSeconds: 30,
    webhookRetryDelaysSeconds: [30, 120, 600, 1800],
    webhookFaults: { drop: 0, duplicate: 0, reorder: 0, delaySeconds: 0 },
    rateLimitPerMinute: 0,
    autoOutcomeDelaySeconds: 5,
    qrMode: "tanqr",
    qrMerchant: { ...DEFAULT_TANQR_MERCHANT, name: "Malipo Demo Shop" },
    createUnavailable: false,
  };
}

/** Body of `PUT /control/settings`: any subset; nested objects merge with the current values. */
export const settingsPatchSchema = z
  .object({
    apiKeys: z.array(z.string().min(1).max(255)).min(1),
    webhookSigningKey: z.string().min(1),
    enabledTypes: z.array(z.enum(PAYMENT_TYPES)),
    legacyBareObjects: z.boolean(),
    currencies: z.array(z.string().regex(/^[A-Z]{3}$/)).min(1),
    minAmount: z.partialRecord(z.enum(PAYMENT_TYPES), z.record(z.string(), z.number().min(0))),
    referenceMaxLength: z.number().int().min(1).max(10_000),
    networkPrefixes: z.record(z.string().regex(/^\d{2}$/), z.enum(NETWORKS)),
    defaultNetwork: z.enum(NETWORKS),
    rejectKeyReuseWithDifferentBody: z.boolean(),
    marginRate: z.number().min(0).max(1),
    webhookOnSyncDecline: z.boolean(),
    testModeEnabled: z.boolean(),
    ...expiryPatchShape,
    ...deliveryPatchShape,
    qrMode: z.enum(QR_MODES),
    qrMerchant: qrMerchantPatchSchema,
    createUnavailable: z.boolean(),
  })
  .partial()
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export function applySettingsPatch(
  current: PayGridSandboxSettings,
  patch: SettingsPatch,
): PayGridSandboxSettings {
  return mergeSettings(current, patch, NESTED_SETTINGS);
}

/** Options passed in code may be partial at any depth of the two nested objects. */
export function resolveSettings(
  overrides: Partial<PayGridSandboxSettings> | undefined,
  base: PayGridSandboxSettings = defaultSettings(),
): PayGridSandboxSettings {
  return mergeSettings(base, overrides, NESTED_SETTINGS);
}

/** GET /control/settings must not echo the credentials back. */
export function redactSettings(settings: PayGridSandboxSettings): Record<string, unknown> {
  return {
    ...settings,
    apiKeys: settings.apiKeys.map((k) => `${k.slice(0, 8)}…`),
    webhookSigningKey: "[redacted]",
  };
}
