import { z } from "zod";
import { AmountError, CURRENCIES, parseAmount } from "@/lib/money";
import { amount, reference } from "@/lib/payment-schema";

// A cash sale (docs/api.md "Refunds, cash, shifts, reports, receipts"): POST /api/payments with
// provider and method "cash". No provider is called, so no phone or customer is needed; `tendered` is
// what the customer handed over, and the change due is tendered − amount.

export const cashPaymentSchema = z
  .object({
    provider: z.literal("cash"),
    method: z.literal("cash"),
    amount,
    currency: z.enum(CURRENCIES, { error: `Choose one of ${CURRENCIES.join(", ")}.` }),
    tendered: amount.optional(),
    reference,
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((input, ctx) => {
    const minor = minorOrIssue(input.amount, input.currency, "amount", ctx);
    if (minor !== null && minor <= 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "The amount must be more than zero." });
    }
    if (input.tendered === undefined || minor === null) return;
    const tendered = minorOrIssue(input.tendered, input.currency, "tendered", ctx);
    if (tendered !== null && tendered < minor) {
      ctx.addIssue({
        code: "custom",
        path: ["tendered"],
        message: "The cash handed over must be at least the amount.",
      });
    }
  })
  .transform(({ amount: major, tendered, ...input }) => ({
    ...input,
    amountMinor: parseAmount(major, input.currency),
    tenderedMinor: tendered === undefined ? undefined : parseAmount(tendered, input.currency),
  }));

export type CashPaymentRequest = z.output<typeof cashPaymentSchema>;
export type CashPaymentInput = z.input<typeof cashPaymentSchema>;

function minorOrIssue(
  value: string,
  currency: (typeof CURRENCIES)[number],
  path: string,
  ctx: z.RefinementCtx,
): number | null {
  try {
    return parseAmount(value, currency);
  } catch (error) {
    ctx.addIssue({
      code: "custom",
      path: [path],
      message: error instanceof AmountError ? error.message : "Enter a valid amount.",
    });
    return null;
  }
}

/** The body asks for a cash sale (the route then parses it with cashPaymentSchema). */
export function isCashRequest(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as { method?: unknown }).method === "cash";
}
