import { z } from "zod";
import { customerJsonSchema } from "@/lib/customer";
import { PAYMENT_METHODS, PROVIDERS } from "@/lib/payment-methods";
import { PAYMENT_STATUSES } from "@/lib/payment-status";

// The JSON the API answers with, as zod schemas: the server's wire module (lib/server/wire/*) builds
// these, browsers parse them, and docs/openapi.json is generated from them. The TypeScript types are
// inferred, never written by hand. Amounts are decimal strings in major units; times are ISO 8601.

const timestamp = z.string().meta({ format: "date-time" });

export const paymentSchema = z
  .object({
    id: z.string().meta({ example: "pay_3hN2kQ9xVbL7" }),
    provider: z.enum(PROVIDERS),
    method: z.enum(PAYMENT_METHODS),
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
    staff: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .meta({ description: "Who took the sale (null for a shopper's payment on a checkout link)" }),
    register_id: z.string().nullable(),
    checkout_session_id: z.string().nullable(),
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
    success_url: z.string(),
    cancel_url: z.string(),
    merchant_name: z.string(),
    expires_at: timestamp,
    created_at: timestamp,
    payments: z.array(paymentSchema).optional().meta({ description: "Only where the caller may see them" }),
  })
  .meta({ id: "CheckoutSession" });
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;

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
