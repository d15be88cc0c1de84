import "server-only";
import { z } from "zod";

// SplashPay's wire shapes (docs/providers.md#splashpay-endpoints, #splashpay-webhooks). Tolerant on purpose: the docs and the third-party code
// disagree (string vs number amounts, `status` vs legacy `success` envelopes), so only what we cannot work
// without is required and unknown fields are dropped. Amounts stay as sent; lib/money parses them exactly.

const text = z.string().nullish();
/** "1000.00" or 10: both documented (§5.3, S14). */
const decimal = z.union([z.string(), z.number()]).nullish();

// ── Outgoing ────────────────────────────────────────────────────────────────────────────────────────────

/** `POST /payments/dynamic-qr` (§5.2): every field required. `amount` is major units. */
export interface SplashPayDynamicQrBody {
  reference: string;
  buyer_name: string;
  buyer_email: string;
  buyer_phone: string;
  amount: number;
  currency: "TZS";
  billing_firstname: string;
  billing_lastname: string;
  billing_address: string;
  billing_city: string;
  billing_state: string;
  billing_postcode: string;
  billing_country: string;
  billing_phone: string;
}

// ── Payments ────────────────────────────────────────────────────────────────────────────────────────────

export const splashPayCreatedSchema = z.object({
  reference: z.string().min(1),
  // Kept open: an unknown status must not make a whole answer unreadable; the adapter maps it.
  status: z.string().min(1),
  amount: decimal,
  fee: decimal,
  net_amount: decimal,
  currency: text,
  qr: z.string().min(1),
  provider_reference: text,
  created_at: text,
});
export type SplashPayCreated = z.infer<typeof splashPayCreatedSchema>;

export const splashPayStatusSchema = z.object({
  reference: z.string().min(1),
  status: z.string().min(1),
  amount: decimal,
  // Not in the check-status table of the docs, but the create answer and the webhook carry them: kept if sent.
  fee: decimal,
  net_amount: decimal,
  currency: text,
  provider_reference: text,
  created_at: text,
  completed_at: text,
});
export type SplashPayStatusRecord = z.infer<typeof splashPayStatusSchema>;

// ── Envelopes (§4) ──────────────────────────────────────────────────────────────────────────────────────

/** `{ status: "success", … }` as documented, or the SDK fixtures' `{ success: true, … }`. */
export const splashPaySuccessEnvelopeSchema = z.union([
  z.object({ status: z.literal("success"), code: text, message: text, data: z.unknown(), request_id: text }),
  z.object({ success: z.literal(true), code: text, message: text, data: z.unknown(), request_id: text }),
]);

/** `{ status: "error", code, message }` as documented, or the legacy `{ success: false, code, message }`. */
export const splashPayErrorEnvelopeSchema = z.object({
  code: z.string().min(1),
  message: z.string().optional(),
});

// ── Webhook (§7.3) ──────────────────────────────────────────────────────────────────────────────────────

export const splashPayWebhookSchema = z.object({
  /** payment.success | failed | cancelled | expired; others (SDK enum) are acknowledged and ignored. */
  event: z.string().min(1),
  created_at: text,
  data: z.object({
    reference: z.string().min(1),
    status: z.string().min(1),
    amount: decimal,
    fee: decimal,
    net_amount: decimal,
    currency: text,
    provider_reference: text,
  }),
});
export type SplashPayWebhook = z.infer<typeof splashPayWebhookSchema>;
