import { z } from "zod";
import { AmountError, parseAmount, type Currency } from "@/lib/money";

// POST /api/payments/:id/refunds (docs/api.md#refunds): the body as the route and the refund dialog read it.
// The amount stays a decimal string here: only the payment knows its currency, so the service turns it into
// minor units with parseRefundAmount once the payment is loaded.

export const REFUND_REASONS = ["customer_request", "duplicate", "fraud", "other"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export const REFUND_NOTE_MAX = 500;

/** A manager's or the owner's consent, given on the cashier's screen: a PIN, or email and password. */
export const refundApprovalSchema = z.union([
  z
    .object({
      staff_id: z.string().trim().min(1).max(60),
      pin: z.string().regex(/^\d{4,6}$/, "A PIN is 4 to 6 digits."),
    })
    .strict(),
  z
    .object({
      email: z.string().trim().min(1).max(200),
      password: z.string().min(1).max(200),
    })
    .strict(),
]);
export type RefundApproval = z.infer<typeof refundApprovalSchema>;

export const createRefundSchema = z
  .object({
    amount: z
      .string()
      .trim()
      .min(1, "Enter the amount to give back.")
      .max(24)
      .meta({ description: "Decimal string in major units of the payment's currency", example: "2500" }),
    reason: z.enum(REFUND_REASONS),
    note: z.string().trim().max(REFUND_NOTE_MAX).optional(),
    approval: refundApprovalSchema.optional(),
  })
  .strict();
export type CreateRefundInput = z.input<typeof createRefundSchema>;
export type CreateRefundBody = z.output<typeof createRefundSchema>;

/**
 * The refund amount in minor units of the payment's currency. Throws AmountError for anything that is not
 * a positive amount with at most the currency's decimals (a sign, zero, "1e3", "12.345" TZS).
 */
export function parseRefundAmount(amount: string, currency: Currency): number {
  const minor = parseAmount(amount, currency);
  if (minor <= 0) throw new AmountError("The amount must be more than zero.");
  return minor;
}
