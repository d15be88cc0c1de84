import "server-only";
import { z } from "zod";
import { AmountError, CURRENCIES, parseAmount } from "@/lib/money";
import { PAYMENT_METHODS, PROVIDERS } from "@/lib/payment-methods";

// POST /api/checkout-sessions (docs/api.md#checkout-sessions). Amounts are exact decimal strings; URLs must be http(s).

const httpUrl = (what: string) =>
  z
    .string({ error: `Give the ${what} as an http(s) URL.` })
    .trim()
    .max(2048, `The ${what} is longer than 2048 characters.`)
    .refine((v) => {
      try {
        const url = new URL(v);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, `The ${what} must be an http(s) URL.`);

const decimal = z
  .string({ error: 'Give amounts as decimal strings, e.g. "5000".' })
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'Give amounts as decimal strings, e.g. "5000" or "12.50".');

/** How soon and how late a shop may set a session's expires_at (docs/api.md#checkout-sessions). */
export const MIN_SESSION_SECONDS = 5 * 60;
export const MAX_SESSION_SECONDS = 7 * 24 * 60 * 60;

// Stripe's limits for the same idea, so a shop's existing metadata fits: 20 keys of ≤ 40 characters,
// string values of ≤ 500.
export const metadataSchema = z
  .record(
    z.string().min(1, "Metadata keys may not be empty.").max(40, "Keep metadata keys to 40 characters."),
    z.string({ error: "Metadata values are strings." }).max(500, "Keep metadata values to 500 characters."),
  )
  .refine((m) => Object.keys(m).length <= 20, "Give at most 20 metadata keys.")
  .meta({ description: "Up to 20 keys (≤ 40 characters) with string values (≤ 500 characters)" });

export const createCheckoutSessionSchema = z
  .object({
    amount: decimal,
    currency: z.enum(CURRENCIES, { error: `Choose one of ${CURRENCIES.join(", ")}.` }),
    reference: z
      .string({ error: "Give your order reference." })
      .trim()
      .min(1, "Give your order reference.")
      .max(40, "Keep the reference to 40 characters.")
      .regex(/^[A-Za-z0-9._\-/]+$/, "Use letters, digits and . _ - / only."),
    description: z.string().trim().max(200).optional(),
    line_items: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(120),
          quantity: z.number().int().min(1).max(10_000),
          unit_amount: decimal,
        }),
      )
      .max(100)
      .optional(),
    success_url: httpUrl("success_url"),
    cancel_url: httpUrl("cancel_url"),
    webhook_url: httpUrl("webhook_url").optional(),
    client_reference_id: z
      .string()
      .trim()
      .min(1, "Leave client_reference_id out rather than empty.")
      .max(200, "Keep client_reference_id to 200 characters.")
      .optional()
      .meta({ description: "Your own id for the order (free text); returned everywhere, webhooks included" }),
    metadata: metadataSchema.optional(),
    expires_at: z.iso
      .datetime({ offset: true, error: "Give expires_at as an ISO 8601 time, e.g. 2026-12-01T18:00:00Z." })
      .optional()
      .meta({ description: "Between 5 minutes and 7 days from now; 24 hours when left out" }),
    customer: z
      .object({
        firstname: z.string().trim().max(60).optional(),
        lastname: z.string().trim().max(60).optional(),
        email: z.string().trim().pipe(z.email()).optional(),
        phone: z.string().trim().max(20).optional(),
        address: z.string().trim().max(120).optional(),
        city: z.string().trim().max(60).optional(),
        state: z.string().trim().max(60).optional(),
        postcode: z.string().trim().max(16).optional(),
        country: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}$/)
          .optional(),
      })
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.expires_at) {
      const seconds = (Date.parse(input.expires_at) - Date.now()) / 1000;
      if (!(seconds >= MIN_SESSION_SECONDS && seconds <= MAX_SESSION_SECONDS)) {
        ctx.addIssue({
          code: "custom",
          path: ["expires_at"],
          message: "expires_at must be between 5 minutes and 7 days from now.",
        });
      }
    }
    let total: number;
    try {
      total = parseAmount(input.amount, input.currency);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: error instanceof AmountError ? error.message : "Not an amount.",
      });
      return;
    }
    if (total <= 0)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "The amount must be more than zero." });
    if (!input.line_items) return;
    // The items must add up to the amount exactly, or the shopper would see one price and pay another.
    let sum = 0;
    for (const [i, item] of input.line_items.entries()) {
      try {
        sum += parseAmount(item.unit_amount, input.currency) * item.quantity;
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          path: ["line_items", i, "unit_amount"],
          message: error instanceof AmountError ? error.message : "Not an amount.",
        });
        return;
      }
    }
    if (sum !== total) {
      ctx.addIssue({
        code: "custom",
        path: ["line_items"],
        message: "The line items do not add up to the amount.",
      });
    }
  });

export type CreateCheckoutSessionInput = z.output<typeof createCheckoutSessionSchema>;

/** What a shopper sends to pay: method and their details only — never an amount. */
export const sessionPaymentSchema = z
  .object({
    provider: z.enum(PROVIDERS),
    method: z.enum(PAYMENT_METHODS),
    phone: z.string(),
    network: z.string().optional(),
    customer: z.record(z.string(), z.string()),
    /** The live attempt the shopper is switching away from (docs/api.md#superseded). */
    supersedes: z
      .string()
      .max(64)
      .optional()
      .meta({ description: "Id of the session's live attempt this one replaces (method switch)" }),
  })
  .strict();
export type SessionPaymentDetails = z.output<typeof sessionPaymentSchema>;
