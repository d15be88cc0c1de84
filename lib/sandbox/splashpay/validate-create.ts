import { parseJsonAmount } from "../common/amount";

// Body rules of POST /payments/dynamic-qr (§5.2, S4, S5): every documented field required. The answer to
// any failure is the one documented INVALID_REQUEST without detail, so this returns the first problem only
// for the sandbox's own log and tests.

export interface ValidCreate {
  reference: string;
  amount: number;
  buyer: { name: string; email: string; phone: string };
  billing: Record<string, string>;
}

export const STRING_FIELDS = [
  "reference",
  "buyer_name",
  "buyer_email",
  "buyer_phone",
  "currency",
  "billing_firstname",
  "billing_lastname",
  "billing_address",
  "billing_city",
  "billing_state",
  "billing_postcode",
  "billing_country",
  "billing_phone",
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** S5: tag 54 holds at most 13 characters, so 9999999999.99. */
const MAX_HUNDREDTHS = 999_999_999_999;

const FORMATS: Partial<Record<(typeof STRING_FIELDS)[number], RegExp>> = {
  buyer_email: EMAIL,
  buyer_phone: /^255\d{9}$/,
  billing_phone: /^\d{9,15}$/,
  billing_country: /^[A-Z]{2}$/,
  currency: /^TZS$/,
};

export function validateCreate(
  body: Record<string, unknown>,
  minAmountMajor: number,
): { ok: true; value: ValidCreate } | { ok: false; field: string } {
  const text: Record<string, string> = {};
  for (const field of STRING_FIELDS) {
    const value = body[field];
    if (typeof value !== "string" || value.trim() === "" || value.length > 255) return { ok: false, field };
    const format = FORMATS[field];
    if (format && !format.test(value)) return { ok: false, field };
    text[field] = value;
  }
  const amount = parseJsonAmount(body.amount, MAX_HUNDREDTHS);
  if (typeof amount === "string" || amount < Math.round(minAmountMajor * 100)) {
    return { ok: false, field: "amount" };
  }
  const billing: Record<string, string> = {};
  for (const [field, value] of Object.entries(text)) {
    if (field.startsWith("billing_")) billing[field] = value;
  }
  return {
    ok: true,
    value: {
      reference: text.reference!,
      amount,
      buyer: { name: text.buyer_name!, email: text.buyer_email!, phone: text.buyer_phone! },
      billing,
    },
  };
}
