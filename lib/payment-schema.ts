import { z } from "zod";
import { AmountError, CURRENCIES, parseAmount, type Currency } from "@/lib/money";
import {
  canonicalNetwork,
  detectNetwork,
  normalizeTzPhone,
  stripPhone,
  NETWORKS,
  type Network,
} from "@/lib/phone";

// One schema for the cashier's form (react-hook-form) and for POST /api/payments: the browser and the
// server agree on every rule, and server field errors land on the same field paths.

const name = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(60, `The ${label} is too long.`);

export const customerSchema = z.object({
  firstname: name("first name"),
  lastname: name("last name"),
  email: z.string({ error: "Enter an email address." }).trim().pipe(z.email("Enter a valid email address.")),
});

export const billingSchema = customerSchema.extend({
  address: z
    .string({ error: "Enter the street address." })
    .trim()
    .min(1, "Enter the street address.")
    .max(120),
  city: z.string({ error: "Enter the city." }).trim().min(1, "Enter the city.").max(60),
  state: z
    .string({ error: "Enter the region or state." })
    .trim()
    .min(1, "Enter the region or state.")
    .max(60),
  postcode: z.string({ error: "Enter the postcode." }).trim().min(1, "Enter the postcode.").max(16),
  country: z
    .string({ error: "Enter the country." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code, e.g. TZ."),
});

const amount = z
  .string({ error: 'Enter the amount as a decimal string, e.g. "5000".' })
  .trim()
  .regex(/^\d+(\.\d+)?$/, "Enter the amount as a number like 5000 or 12.50.");

const reference = z
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

const common = {
  amount,
  currency: z.enum(CURRENCIES, { error: `Choose one of ${CURRENCIES.join(", ")}.` }),
  reference,
  metadata: z.record(z.string(), z.unknown()).optional(),
  network,
};

const qrInput = z.object({
  provider: z.literal("paygrid"),
  method: z.literal("dynamic-qr"),
  ...common,
  phone: anyPhone,
  customer: customerSchema,
});

const mobileInput = z.object({
  provider: z.literal("paygrid"),
  method: z.literal("mobile"),
  ...common,
  phone: z
    .string({ error: "Enter the customer's mobile number." })
    .trim()
    .min(1, "Enter the customer's mobile number."),
  customer: customerSchema,
});

const cardInput = z.object({
  provider: z.literal("paygrid"),
  method: z.literal("card"),
  ...common,
  phone: anyPhone,
  customer: billingSchema,
});

const tanqrInput = z.object({
  provider: z.literal("splashpay"),
  method: z.literal("tanqr"),
  ...common,
  currency: z.literal("TZS", { error: "TANQR takes Tanzanian shillings (TZS) only." }),
  phone: anyPhone,
  customer: billingSchema,
});

/** Minimum charge per method and currency: PayGrid takes at least 500 TZS on every method (docs/providers). */
const PAYGRID_TZS_MINIMUM = { TZS: 50_000 };
const MINIMUM_MINOR: Partial<Record<string, Partial<Record<Currency, number>>>> = {
  "dynamic-qr": PAYGRID_TZS_MINIMUM,
  mobile: PAYGRID_TZS_MINIMUM,
  card: PAYGRID_TZS_MINIMUM,
};

/** The smallest charge a method takes in a currency, in minor units; undefined when there is none. */
export function minimumChargeMinor(method: string, currency: Currency): number | undefined {
  return MINIMUM_MINOR[method]?.[currency];
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

export const createPaymentSchema = z
  .discriminatedUnion("method", [qrInput, mobileInput, cardInput, tanqrInput], {
    error: "Choose a payment method: dynamic-qr, mobile, card or tanqr.",
  })
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
    if (minor <= 0)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "The amount must be more than zero." });
    const minimum = minimumChargeMinor(input.method, input.currency);
    if (minimum !== undefined && minor < minimum) {
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: `PayGrid takes at least ${minimum / 100} ${input.currency}.`,
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
  })
  .transform((input) => {
    const phone =
      input.method === "mobile" ? (normalizeTzPhone(input.phone) ?? stripPhone(input.phone)) : input.phone;
    return {
      ...input,
      phone,
      amountMinor: parseAmount(input.amount, input.currency),
      network: networkToSend(input.method, phone, input.network),
    };
  });

export type CreatePaymentInput = z.input<typeof createPaymentSchema>;
export type CreatePaymentRequest = z.output<typeof createPaymentSchema>;
export type PaymentMethod = CreatePaymentRequest["method"];
