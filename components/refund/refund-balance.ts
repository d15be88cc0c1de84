import type { Payment } from "@/lib/api-contract";
import { AmountError, isCurrency, parseAmount, toMajorString } from "@/lib/money";

// What the refund dialog offers by default: everything not yet given back, as a decimal string.

const REFUNDABLE_PROVIDERS = new Set(["paygrid", "cash"]);

/** Paid, not fully given back, and at a provider that refunds (SplashPay documents none). */
export function canRefund(payment: Payment): boolean {
  const open = payment.status === "completed" || payment.status === "partially_refunded";
  return open && REFUNDABLE_PROVIDERS.has(payment.provider) && remainingMinor(payment) > 0;
}

export function remainingMinor(payment: Payment): number {
  if (!isCurrency(payment.currency)) return 0;
  try {
    return (
      parseAmount(payment.amount, payment.currency) - parseAmount(payment.amount_refunded, payment.currency)
    );
  } catch (error) {
    if (error instanceof AmountError) return 0;
    throw error;
  }
}

export function remainingAmount(payment: Payment): string {
  return isCurrency(payment.currency) ? toMajorString(remainingMinor(payment), payment.currency) : "0";
}
