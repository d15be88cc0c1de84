import { parseAmount, type Currency } from "@/lib/money";
import { minimumChargeMinor, type PaymentMethod } from "@/lib/payment-methods";

// The register and the shopper's method choice grey out a method the sale is too small for, before any
// provider call, with the same rule the server applies (PayGrid: 500 TZS on every method).

/** The method's minimum in minor units when this amount is below it; null when the amount is fine or unset. */
export function minimumNotMet(method: PaymentMethod, amount: string, currency: Currency): number | null {
  const minimum = minimumChargeMinor(method, currency);
  if (minimum === undefined) return null;
  try {
    return parseAmount(amount, currency) < minimum ? minimum : null;
  } catch {
    return null;
  }
}
