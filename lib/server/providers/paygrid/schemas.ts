import "server-only";
import { z } from "zod";
import type { BillingCustomer, Customer } from "@/lib/customer";

// PayGrid's wire shapes (docs/providers.md#paygrid-endpoints, #paygrid-webhooks). Parsing is deliberately tolerant: the provider's
// pages disagree with each other (§16), so only what we cannot work without is required and unknown
// fields are dropped. Amounts stay the JSON numbers PayGrid sends; lib/money converts them exactly.

const text = z.string().nullish();
const amount = z.number().nullish();

/** Older pages use an uppercase network enum, newer ones lowercase (§5.5, §16 #2): store lowercase. */
const network = z.string().trim().toLowerCase().nullish();

// ── Outgoing ────────────────────────────────────────────────────────────────────────────────────────────

export type PayGridPaymentType = "mobile" | "card" | "dynamic-qr";
export type PayGridCurrency = "TZS" | "USD" | "KES" | "UGX";

/** Names and email always; the billing address for card only (§5.3). The shape is ours (lib/customer.ts). */
export type PayGridCustomer = Customer & Partial<BillingCustomer>;

/** `POST /payments` body (§5.2). `amount` is major units, e.g. 5000 TZS or 12.5 USD. */
export interface PayGridCreateBody {
  amount: number;
  currency: PayGridCurrency;
  type: PayGridPaymentType;
  phone: string;
  customer: PayGridCustomer;
  network?: string;
  reference?: string;
  metadata?: Record<string, unknown>;
  webhook_url?: string;
  callback_url?: string;
  /** Required for card, optional for dynamic-qr. */
  redirect_url?: string;
  cancel_url?: string;
}

// ── Payment record (§6) ─────────────────────────────────────────────────────────────────────────────────

export const payGridPaymentSchema = z.object({
  id: z.string().min(1),
  // Kept open: an unknown status must not make a whole answer unreadable; callers check it.
  status: z.string().min(1),
  reference: text,
  external_id: text,
  amount,
  margin_amount: amount,
  total_amount: amount,
  currency: text,
  phone: text,
  network,
  payment_url: text,
  qr_code: text,
  payment_token: text,
  created_at: text,
  completed_at: text,
});
export type PayGridPayment = z.infer<typeof payGridPaymentSchema>;

// ── Refunds (§12) ───────────────────────────────────────────────────────────────────────────────────────

export type PayGridRefundReason = "customer_request" | "fraud" | "duplicate" | "other";

/** `POST /refunds` body (§12): `transaction_id` is PayGrid's payment id, `amount` major units. */
export interface PayGridRefundBody {
  transaction_id: string;
  amount: number;
  reason: PayGridRefundReason;
}

/** The docs give no response schema (their example is `{}`), so every field is optional. */
export const payGridRefundSchema = z.object({
  id: text,
  transaction_id: text,
  amount,
  reason: text,
  status: text,
  created_at: text,
});
export type PayGridRefund = z.infer<typeof payGridRefundSchema>;

// ── Envelopes (§3) ──────────────────────────────────────────────────────────────────────────────────────

export const payGridFieldIssueSchema = z.object({ field: z.string(), message: z.string() });
export type PayGridFieldIssue = z.infer<typeof payGridFieldIssueSchema>;

/** An array of field issues for body-binding failures, an object of context for payment outcomes. */
export const payGridErrorDetailsSchema = z.union([
  z.array(payGridFieldIssueSchema),
  z.record(z.string(), z.unknown()),
]);
export type PayGridErrorDetails = z.infer<typeof payGridErrorDetailsSchema>;

export const payGridErrorEnvelopeSchema = z.object({
  status: z.literal("error"),
  code: z.number().int().optional(),
  error_code: z.string().min(1),
  message: z.string().optional(),
  // Malformed details must not hide a perfectly good error_code.
  details: payGridErrorDetailsSchema.optional().catch(undefined),
});
export type PayGridErrorEnvelope = z.infer<typeof payGridErrorEnvelopeSchema>;

export function payGridSuccessEnvelopeSchema<T extends z.ZodType>(data: T) {
  return z.object({
    status: z.literal("success"),
    code: z.number().int().optional(),
    message: z.string().optional(),
    data,
    // Pagination only matters on lists; an odd meta elsewhere must not make a good answer unreadable.
    meta: z.record(z.string(), z.unknown()).nullish().catch(undefined),
  });
}

// ── Lists and events (§9) ───────────────────────────────────────────────────────────────────────────────

/** Our sandbox's list `meta` (S29); the provider docs do not name the fields, so it is optional. */
export const payGridListMetaSchema = z.object({
  page: z.number().int(),
  per_page: z.number().int(),
  total: z.number().int(),
  total_pages: z.number().int(),
});
export type PayGridListMeta = z.infer<typeof payGridListMetaSchema>;

export const payGridPaymentListSchema = z.array(payGridPaymentSchema);

export const payGridPaymentEventSchema = z.object({
  id: z.string().min(1),
  transaction_id: text,
  status: z.string().min(1),
  message: text,
  /** merchant | system | psp | poller | admin */
  actor_type: text,
  created_at: text,
});
export type PayGridPaymentEvent = z.infer<typeof payGridPaymentEventSchema>;

export const payGridPaymentEventListSchema = z.array(payGridPaymentEventSchema);

// ── Webhook and callback bodies (§10.3, §17.5) ──────────────────────────────────────────────────────────

export const payGridWebhookSchema = z.object({
  version: z.string().optional(),
  /** `payment.{status}`, `payout.{status}` or `webhook.test` (dashboard test; never fulfil it). */
  event: z.string().min(1),
  event_id: z.string().min(1),
  // Not z.uuid(): webhook.test carries an all-zero id, which is not a valid RFC 4122 UUID.
  transaction_id: z.string().min(1),
  merchant_reference: text,
  data: z.object({
    amount: z.number().optional(),
    currency: z.string().optional(),
    /** A payment status, or `test` for webhook.test. */
    status: z.string().min(1),
    previous_status: text,
    payment_type: text,
    provider_reference: text,
  }),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  timestamp: z.string().optional(),
});
export type PayGridWebhook = z.infer<typeof payGridWebhookSchema>;

/** Only `type`, `transaction_id`, `amount`, `currency` are documented (§10.3); the rest is our sandbox's. */
export const payGridCallbackSchema = z.object({
  /** `transaction.callback` */
  type: z.string().min(1),
  transaction_id: z.string().min(1),
  amount: z.number(),
  currency: z.string().min(1),
  reference: text,
  status: text,
  payment_type: text,
  provider_reference: text,
  metadata: z.record(z.string(), z.unknown()).nullish(),
  timestamp: text,
});
export type PayGridCallback = z.infer<typeof payGridCallbackSchema>;
