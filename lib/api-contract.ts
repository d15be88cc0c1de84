import { z } from "zod";
import { customerJsonSchema } from "@/lib/customer";
import { CHANNELS } from "@/lib/payment-channel";
import { SALE_METHODS, SALE_PROVIDERS } from "@/lib/payment-methods";
import { PAYMENT_STATUSES } from "@/lib/payment-status";
import { REFUND_REASONS } from "@/lib/refund-schema";

// The JSON the API answers with, as zod schemas: the server's wire module (lib/server/wire/*) builds
// these, browsers read them (shape-checked only, lib/wire-read.ts, so zod stays off the pages), and
// docs/openapi.json is generated from them. The TypeScript types are
// inferred, never written by hand. Amounts are decimal strings in major units; times are ISO 8601.

const timestamp = z.string().meta({ format: "date-time" });

export const paymentSchema = z
  .object({
    id: z.string().meta({ example: "pay_3hN2kQ9xVbL7" }),
    provider: z.enum(SALE_PROVIDERS),
    method: z.enum(SALE_METHODS),
    channel: z.enum(CHANNELS).meta({ description: "Where the money came through (mobile money by network)" }),
    status: z.enum(PAYMENT_STATUSES),
    amount: z.string().meta({ description: "Decimal string in major units", example: "5000" }),
    currency: z.string().meta({ example: "TZS" }),
    reference: z.string(),
    customer: customerJsonSchema,
    phone: z.string(),
    network: z.string().nullable(),
    qr_code: z.string().nullable().meta({ description: "EMV QR payload; null when it failed the check" }),
    qr_image: z.string().nullable(),
    qr_mismatch: z.boolean().meta({ description: "The provider's QR did not match the sale" }),
    amount_mismatch: z
      .boolean()
      .meta({ description: "The provider reported another amount or currency; never completes the payment" }),
    payment_url: z.string().nullable(),
    provider_payment_id: z.string().nullable(),
    provider_reference: z.string().nullable(),
    failure_code: z.string().nullable(),
    failure_message: z.string().nullable(),
    expires_at: timestamp,
    created_at: timestamp,
    updated_at: timestamp,
    completed_at: timestamp.nullable(),
    paid_after_expiry: z.boolean(),
    amount_refunded: z
      .string()
      .meta({ description: "Sum of succeeded refunds, decimal string in major units", example: "0" }),
    superseded_at: timestamp.nullable().meta({
      description:
        "When another attempt replaced this one (method switch or failover); a completed payment with this set was paid after it was replaced",
    }),
    staff: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .meta({ description: "Who took the sale (null for a shopper's payment on a checkout link)" }),
    register_id: z.string().nullable(),
    checkout_session_id: z.string().nullable(),
    shift_id: z.string().nullable().meta({ description: "The register's shift open at the sale" }),
    tendered: z.string().nullable().meta({ description: "Cash: what the customer handed over" }),
    change_due: z.string().nullable().meta({ description: "Cash: tendered minus amount" }),
    fee: z.string().nullable().meta({ description: "The provider's fee when it reports one (SplashPay)" }),
    net: z.string().nullable().meta({ description: "What the provider settles after its fee" }),
    receipt_url: z.string().nullable().meta({
      description: "The public digital receipt (`/r/{token}`, no sign-in) once paid; null before",
      example: "https://pos.example.tz/r/6yQ3…",
    }),
    livemode: z.boolean().meta({ description: "false on a sandbox Malipo (no real money moved)" }),
  })
  .meta({ id: "Payment" });
export type Payment = z.infer<typeof paymentSchema>;

export const paymentListSchema = z
  .object({
    data: z.array(paymentSchema),
    next_cursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page" }),
  })
  .meta({ id: "PaymentList" });
export type PaymentList = z.infer<typeof paymentListSchema>;

export const refundSchema = z
  .object({
    id: z.string().meta({ example: "rf_Yk3mQ8vN2pLx" }),
    payment_id: z.string(),
    amount: z.string().meta({ description: "Decimal string in major units", example: "2500" }),
    currency: z.string().meta({ example: "TZS" }),
    reason: z.enum(REFUND_REASONS),
    note: z.string().nullable(),
    status: z.enum(["pending", "succeeded", "failed"]),
    created_by: z
      .object({ kind: z.enum(["staff", "merchant"]), id: z.string().nullable(), name: z.string().nullable() })
      .meta({ description: "A staff member, or the merchant's backend (id and name null)" }),
    approved_by: z
      .string()
      .nullable()
      .meta({ description: "Staff id of the manager whose PIN or password approved a cashier's refund" }),
    register_id: z.string().nullable(),
    failure_code: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: "Refund" });
export type Refund = z.infer<typeof refundSchema>;

export const refundListSchema = z.object({ data: z.array(refundSchema) }).meta({ id: "RefundList" });

export const checkoutLineItemSchema = z
  .object({ name: z.string(), quantity: z.number().int(), unit_amount: z.string() })
  .meta({ id: "CheckoutLineItem" });

export const checkoutSessionSchema = z
  .object({
    id: z.string().meta({ example: "cs_8fK2mQ4nR7tW" }),
    url: z.string().meta({ description: "The hosted checkout page for the shopper" }),
    status: z.enum(["open", "completed", "expired"]),
    amount: z.string(),
    currency: z.string(),
    reference: z.string(),
    description: z.string().nullable(),
    line_items: z.array(checkoutLineItemSchema).nullable(),
    customer: customerJsonSchema.extend({ phone: z.string().optional() }).nullable(),
    client_reference_id: z.string().nullable(),
    metadata: z.record(z.string(), z.string()),
    success_url: z.string(),
    cancel_url: z.string(),
    merchant_name: z.string(),
    livemode: z.boolean().meta({ description: "false on a sandbox Malipo (no real money moves)" }),
    expires_at: timestamp,
    created_at: timestamp,
    payments: z.array(paymentSchema).optional().meta({ description: "Only where the caller may see them" }),
  })
  .meta({ id: "CheckoutSession" });
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;

export const checkoutSessionListSchema = z
  .object({
    data: z.array(checkoutSessionSchema),
    next_cursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page" }),
  })
  .meta({ id: "CheckoutSessionList" });
export type CheckoutSessionList = z.infer<typeof checkoutSessionListSchema>;

export const MERCHANT_EVENT_TYPES = [
  "checkout.session.completed",
  "checkout.session.expired",
  "checkout.session.failed",
  "checkout.payment.completed",
  "checkout.payment.failed",
  "checkout.payment.cancelled",
  "checkout.payment.expired",
  "checkout.payment.refunded",
] as const;

/** What every webhook body and every GET /api/events item is. */
export const merchantEventSchema = z
  .object({
    id: z.string().meta({ example: "evt_Yq3kR8mN2pXa" }),
    type: z.string().meta({ description: `One of ${MERCHANT_EVENT_TYPES.join(", ")} (more may come)` }),
    created: timestamp,
    timestamp: timestamp.meta({ description: "Same as created (the Standard Webhooks field)" }),
    livemode: z.boolean(),
    api_version: z.string().meta({ example: "2026-12-01" }),
    data: z.object({
      checkout_session_id: z.string(),
      reference: z.string(),
      client_reference_id: z.string().nullable(),
      metadata: z.record(z.string(), z.string()),
      status: z.enum(["open", "completed", "expired"]),
      checkout_session: checkoutSessionSchema,
      payment: paymentSchema.optional().meta({ description: "On checkout.payment.* events" }),
    }),
  })
  .meta({ id: "MerchantEvent" });
export type MerchantEvent = z.infer<typeof merchantEventSchema>;

export const merchantEventListSchema = z
  .object({
    data: z.array(merchantEventSchema),
    next_cursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page" }),
  })
  .meta({ id: "MerchantEventList" });

export const fieldIssueSchema = z
  .object({ path: z.string(), message: z.string() })
  .meta({ id: "FieldIssue" });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The one error shape: every non-2xx JSON answer. */
export const apiErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "VALIDATION_ERROR" }),
      message: z.string(),
      fields: z.array(fieldIssueSchema).optional(),
      retryable: z.boolean().optional(),
    }),
  })
  .meta({ id: "Error" });
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export const healthSchema = z.object({ status: z.literal("ok") }).meta({ id: "Health" });

export const readinessSchema = z
  .object({
    status: z.enum(["ready", "not_ready"]),
    reason: z.enum(["shutting_down", "db", "migrations", "listen"]).optional(),
  })
  .meta({ id: "Readiness" });

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    event_type: z.string(),
    checkout_session_id: z.string(),
    url: z.string(),
    status: z.enum(["failed", "pending", "delivered"]),
    attempts: z.number().int(),
    last_status: z.number().int().nullable(),
    last_error: z.string().nullable(),
    next_attempt_at: z.string().nullable(),
    delivered_at: z.string().nullable(),
    failed_at: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: "WebhookDelivery" });

const role = z.enum(["owner", "manager", "cashier"]);
const registerRef = z.object({ id: z.string(), name: z.string() });

export const staffMemberSchema = z
  .object({
    id: z.string().meta({ example: "stf_Qm3xT8vK1pZa" }),
    name: z.string(),
    role,
    email: z.string().nullable().meta({ description: "Only an owner or manager signs in with one" }),
    active: z.boolean(),
    has_pin: z.boolean(),
    created_at: timestamp,
  })
  .meta({ id: "StaffMember" });
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffListSchema = z.object({ data: z.array(staffMemberSchema) }).meta({ id: "StaffList" });

export const registerSchema = z
  .object({
    id: z.string().meta({ example: "reg_7hT2kW9qLm3n" }),
    name: z.string(),
    paired: z.boolean(),
    revoked: z.boolean(),
    pairing_expires_at: timestamp.nullable().meta({ description: "While an unused pairing code lives" }),
    created_at: timestamp,
  })
  .meta({ id: "Register" });
export type Register = z.infer<typeof registerSchema>;

export const registerListSchema = z.object({ data: z.array(registerSchema) }).meta({ id: "RegisterList" });

export const registerCreatedSchema = registerSchema
  .extend({
    pairing_code: z
      .string()
      .meta({ description: "Shown once; works once, for 15 minutes", example: "K7QM2XWT9P" }),
    pairing_url: z.string().meta({ description: "Opens the pairing page with the code filled in" }),
  })
  .meta({ id: "RegisterCreated" });

export const registerPairedSchema = z.object({ register: registerSchema }).meta({ id: "RegisterPaired" });

export const sessionListItemSchema = z
  .object({
    id: z.string(),
    staff: registerRef.extend({ role }),
    register: registerRef,
    created_at: timestamp,
    expires_at: timestamp,
  })
  .meta({ id: "StaffSession" });
export type StaffSession = z.infer<typeof sessionListItemSchema>;

export const sessionListSchema = z
  .object({ data: z.array(sessionListItemSchema) })
  .meta({ id: "StaffSessionList" });

/** `GET /api/me` and the answer to a sign-in: who is selling, at which register. */
export const meSchema = z
  .object({ staff: registerRef.extend({ role }), register: registerRef })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meSchema>;
