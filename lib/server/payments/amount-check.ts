import "server-only";
import type { PaymentRow } from "@/lib/server/db/schema";
import { parseAmount, type Currency } from "@/lib/money";
import type { PaymentStatus } from "@/lib/payment-status";

// The one amount check every path runs (webhook, poll, refresh, create answer, deadline cancel): what the
// provider reports must be the sale's amount and currency. A completion that names no amount cannot be
// vouched for, so it counts as drift too (paygrid.md §10.6 "never fulfil on drift", docs/api.md).

export interface ReportedMoney {
  amount: number | string | null | undefined;
  currency: string | null | undefined;
}

export type AmountVerdict =
  | { ok: true }
  | { ok: false; reason: "missing_amount" | "amount_differs" | "currency_differs" | "unreadable_amount" };

export const AMOUNT_MISMATCH_CODE = "AMOUNT_MISMATCH";

export function checkReportedAmount(
  payment: Pick<PaymentRow, "amountMinor" | "currency">,
  status: PaymentStatus,
  money: ReportedMoney | undefined,
): AmountVerdict {
  const amount = money?.amount;
  const currency = money?.currency?.trim().toUpperCase();
  if (currency && currency !== payment.currency) return { ok: false, reason: "currency_differs" };
  if (amount === undefined || amount === null || amount === "") {
    return status === "completed" ? { ok: false, reason: "missing_amount" } : { ok: true };
  }
  try {
    return parseAmount(amount, payment.currency as Currency) === payment.amountMinor
      ? { ok: true }
      : { ok: false, reason: "amount_differs" };
  } catch {
    return { ok: false, reason: "unreadable_amount" };
  }
}
