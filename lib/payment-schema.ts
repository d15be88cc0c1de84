import { z } from "zod";
import { billingSchema, customerSchema } from "@/lib/customer";
import { AmountError, CURRENCIES, parseAmount, type Currency } from "@/lib/money";
import { METHOD_SPECS, minimumChargeMinor, PAYMENT_METHODS, type PaymentMethod } from "@/lib/payment-methods";
import {
  canonicalNetwork,
  detectNetwork,
  normalizeTzPhone,
  stripPhone,
  NETWORKS,
  type Network,
} from "@/lib/phone";

// One schema for the cashier's form (react-hook-form) and for POST /api/payments: the browser and the
// server agree on every rule, and server field errors land on the same field paths. The checkout path
// uses the same per-method details and rules with the session's amount in minor units
// (`paymentCommandSchema`), so no amount ever goes back through a decimal string.

export const amount = z
  .string({ error: 'Enter the amount as a decimal string, e.g. "5000".' })
  .trim()
  .regex(/^\d+(\.\d+)?$/, "Enter the amount as a number like 5000 or 12.50.");

export const reference = z
  .string()
  .trim()
  .max(64, "Keep the reference under 64 characters.")
  .regex(/^[A-Za-z0-9._\-/ ]*$/, "Use letters, digits, spaces and . _ - / only.")
  .optional()
  .transform((v) => (v ? v : undefined));

const anyPhone = z
  .string({ error: "Enter a phone number." })
  .trim()
  .refine((v) => /^\d{9,15}$/.test(stripPhone(v)), "Enter a phone number of 9 to 15 digits.")
  .transform((v) => normalizeTzPhone(v) ?? stripPhone(v));

const network = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || canonicalNetwork(v) !== null, `Choose one of: ${NETWORKS.join(", ")}.`)
  .transform((v) => (v === undefined ? undefined : (canonicalNetwork(v) ?? undefined)));

// What the customer or cashier chooses and types, per method: the provider, the phone and the customer.
const details = {
  "dynamic-qr": z.object({
    provider: z.literal("paygrid"),
    method: z.literal("dynamic-qr"),
    phone: anyPhone,
    network,
    customer: customerSchema,
  }),
  mobile: z.object({
    provider: z.literal("paygrid"),
    method: z.literal("mobile"),
    phone: z
      .string({ error: "Enter the customer's mobile number." })
      .trim()
      .min(1, "Enter the customer's mobile number."),
    network,
    customer: customerSchema,
  }),
  card: z.object({
    provider: z.literal("paygrid"),
    method: z.literal("card"),
    phone: anyPhone,
    network,
    customer: billingSchema,
  }),
  tanqr: z.object({
    provider: z.literal("splashpay"),
    method: z.literal("tanqr"),
    phone: anyPhone,
    network,
    customer: billingSchema,
  }),
} satisfies Record<PaymentMethod, z.ZodObject>;

const sale = {
  currency: z.enum(CURRENCIES, { error: `Choose one of ${CURRENCIES.join(", ")}.` }),
  reference,
  metadata: z.record(z.string(), z.unknown()).optional(),
};

const chooseMethod = { error: `Choose a payment method: ${PAYMENT_METHODS.join(", ")}.` };

type RuleInput = { method: PaymentMethod; currency: Currency; phone: string };

/** The rules that need the amount: the method's currencies and minimum, and the mobile number's form. */
function checkRules(input: RuleInput, minor: number, ctx: z.RefinementCtx): void {
  if (!(METHOD_SPECS[input.method].currencies as readonly string[]).includes(input.currency)) {
    ctx.addIssue({
      code: "custom",
      path: ["currency"],
      message: "TANQR takes Tanzanian shillings (TZS) only.",
    });
  }
  if (minor <= 0)
    ctx.addIssue({ code: "custom", path: ["amount"], message: "The amount must be more than zero." });
  const minimum = minimumChargeMinor(input.method, input.currency);
  if (minimum !== undefined && minor < minimum) {
    ctx.addIssue({
      code: "custom",
      path: ["amount"],
      message: `${METHOD_SPECS[input.method].provider === "paygrid" ? "PayGrid" : "This method"} takes at least ${minimum / 100} ${input.currency}.`,
    });
  }
  if (input.method === "mobile") {
    const ok =
      input.currency === "TZS"
        ? normalizeTzPhone(input.phone) !== null
        : /^\d{10,15}$/.test(stripPhone(input.phone));
    if (!ok) {
      ctx.addIssue({
        code: "custom",
        path: ["phone"],
        message:
          input.currency === "TZS"
            ? "Enter a Tanzanian mobile number, e.g. 0712 345 678."
            : "Enter the full international number (10 to 15 digits).",
      });
    }
  }
}

/**
 * PayGrid takes `network` for mobile money only (QR and card do not need it). The cashier's choice wins;
 * else a known prefix tells it; an unknown prefix sends none, so PayGrid detects it itself.
 */
export function networkToSend(
  method: string,
  phone: string,
  chosen: Network | undefined,
): Network | undefined {
  if (method !== "mobile") return undefined;
  if (chosen) return chosen;
  const tz = normalizeTzPhone(phone);
  return (tz ? detectNetwork(tz) : null) ?? undefined;
}

/** The phone in one form, and the network as networkToSend decides. */
function normalize<T extends { method: PaymentMethod; phone: string; network?: Network }>(input: T): T {
  const phone =
    input.method === "mobile" ? (normalizeTzPhone(input.phone) ?? stripPhone(input.phone)) : input.phone;
  return { ...input, phone, network: networkToSend(input.method, phone, input.network) };
}

/** POST /api/payments: the amount arrives as a decimal string in major units. */
export const createPaymentSchema = z
  .discriminatedUnion(
    "method",
    [
      details["dynamic-qr"].extend({ amount, ...sale }),
      details.mobile.extend({ amount, ...sale }),
      details.card.extend({ amount, ...sale }),
      details.tanqr.extend({ amount, ...sale }),
    ],
    chooseMethod,
  )
  .superRefine((input, ctx) => {
    let minor = 0;
    try {
      minor = parseAmount(input.amount, input.currency);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: error instanceof AmountError ? error.message : "Enter a valid amount.",
      });
      return;
    }
    checkRules(input, minor, ctx);
  })
  .transform(({ amount: major, ...input }) => ({
    ...normalize(input),
    amountMinor: parseAmount(major, input.currency),
  }));

/** The same details and rules for an amount already in minor units (a checkout session's). */
export const paymentCommandSchema = z
  .discriminatedUnion(
    "method",
    [
      details["dynamic-qr"].extend({ amountMinor: z.number().int(), ...sale }),
      details.mobile.extend({ amountMinor: z.number().int(), ...sale }),
      details.card.extend({ amountMinor: z.number().int(), ...sale }),
      details.tanqr.extend({ amountMinor: z.number().int(), ...sale }),
    ],
    chooseMethod,
  )
  .superRefine((input, ctx) => checkRules(input, input.amountMinor, ctx))
  .transform((input) => normalize(input));

/**
 * POST /api/payments may also name the Idempotency-Key of this register's QR attempt whose provider did
 * not answer (502 after the retries): that attempt is superseded and the new one is its failover
 * (docs/api.md#failover). Read beside createPaymentSchema, so it never enters the request hash.
 */
export const failoverFieldSchema = z.object({
  failover_from: z
    .string({ error: "Give the failed attempt's Idempotency-Key." })
    .regex(/^[\x21-\x7e]{1,255}$/, "The failed attempt's Idempotency-Key: 1–255 visible ASCII characters.")
    .optional()
    .meta({ description: "Idempotency-Key of this register's QR attempt that ended 502; see Failover" }),
});

export type CreatePaymentInput = z.input<typeof createPaymentSchema>;
/** A validated payment request: amount in minor units, phone and network normalized. */
export type PaymentRequest = z.output<typeof paymentCommandSchema>;
