import { z } from "zod";
import { DEFAULT_TANQR_MERCHANT } from "@/lib/emv-qr";
import { NETWORK_PREFIXES, NETWORKS, type Network } from "@/lib/phone";
import { SANDBOX_PAYGRID_API_KEY, SANDBOX_PAYGRID_WEBHOOK_SIGNING_KEY } from "./defaults";

// Every open point of paygrid.md §17 is a setting so tests can steer the simulated provider.

export const PAYMENT_TYPES = ["mobile", "card", "dynamic-qr"] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export type SandboxNetwork = Network;

export const QR_MODES = ["tanqr", "payment-url", "wrong-amount"] as const;
export type QrMode = (typeof QR_MODES)[number];

export interface WebhookFaults {
  /** Probability 0..1 that a delivery is silently never sent. */
  drop: number;
  /** Probability 0..1 that a delivery is sent twice (same body and event_id). */
  duplicate: number;
  /** Probability 0..1 that a delivery is held back until the next one has been sent. */
  reorder: number;
  /** Extra wait before the first attempt of every delivery. */
  delaySeconds: number;
}

export interface QrMerchantSettings {
  name: string;
  acquirerId: string;
  merchantId: string;
  mcc: string;
  city: string;
  postalCode: string;
  storeLabel: string;
  terminalLabel: string;
}

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
  };
}

const probability = z.number().min(0).max(1);
const seconds = z
  .number()
  .min(0)
  .max(86_400 * 7);

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
    idempotencyTtlSeconds: z.number().int().min(1),
    rejectKeyReuseWithDifferentBody: z.boolean(),
    marginRate: z.number().min(0).max(1),
    expirySeconds: z
      .number()
      .min(0.1)
      .max(86_400 * 7),
    expiryGraceSeconds: seconds,
    webhookOnSyncDecline: z.boolean(),
    testModeEnabled: z.boolean(),
    webhookTimeoutSeconds: z.number().min(0.1).max(300),
    webhookRetryDelaysSeconds: z.array(seconds).max(20),
    webhookFaults: z
      .object({ drop: probability, duplicate: probability, reorder: probability, delaySeconds: seconds })
      .partial()
      .strict(),
    rateLimitPerMinute: z.number().int().min(0),
    autoOutcomeDelaySeconds: seconds,
    qrMode: z.enum(QR_MODES),
    qrMerchant: z
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
      .strict(),
  })
  .partial()
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export function applySettingsPatch(
  current: PayGridSandboxSettings,
  patch: SettingsPatch,
): PayGridSandboxSettings {
  const { webhookFaults, qrMerchant, ...flat } = patch;
  const next: PayGridSandboxSettings = { ...current };
  Object.assign(next, flat);
  next.webhookFaults = { ...current.webhookFaults, ...webhookFaults };
  next.qrMerchant = { ...current.qrMerchant, ...qrMerchant };
  return next;
}

/** Options passed in code may be partial at any depth of the two nested objects. */
export function resolveSettings(
  overrides: Partial<PayGridSandboxSettings> | undefined,
  base: PayGridSandboxSettings = defaultSettings(),
): PayGridSandboxSettings {
  if (!overrides) return base;
  return {
    ...base,
    ...overrides,
    webhookFaults: { ...base.webhookFaults, ...overrides.webhookFaults },
    qrMerchant: { ...base.qrMerchant, ...overrides.qrMerchant },
  };
}

/** GET /control/settings must not echo the credentials back. */
export function redactSettings(settings: PayGridSandboxSettings): Record<string, unknown> {
  return {
    ...settings,
    apiKeys: settings.apiKeys.map((k) => `${k.slice(0, 8)}…`),
    webhookSigningKey: "[redacted]",
  };
}
