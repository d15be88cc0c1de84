import "server-only";
import type { Db } from "@/lib/server/db/client";
import type { PaymentRow } from "@/lib/server/db/schema";
import { log } from "@/lib/server/log";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { applyProviderEvent } from "./apply-provider-event";

/**
 * Our 30-minute window, enforced where the provider would not (SplashPay TANQR, splashpay.md §5.6): once
 * the deadline has passed and the provider still has the payment open, cancel it there so the code on
 * screen can no longer be paid, and record what the provider answers — cancelled, or the outcome it
 * reached meanwhile (a late success stays a success, flagged paid_after_expiry by the apply path).
 */
export async function cancelAtDeadline(
  db: Db,
  adapter: PaymentProviderAdapter,
  payment: PaymentRow,
  now: Date,
): Promise<PaymentRow> {
  if (!adapter.cancel) return payment;
  if (payment.status !== "pending" && payment.status !== "processing") return payment;
  if (now.getTime() < payment.expiresAt.getTime()) return payment;
  const state = await adapter.cancel(payment);
  log.info("payment window closed at the provider", { paymentId: payment.id, status: state.status });
  const result = await applyProviderEvent(db, {
    paymentId: payment.id,
    status: state.status,
    source: "system",
    providerReference: state.providerReference ?? null,
    occurredAt: state.completedAt ?? undefined,
    money: { amount: state.amount, currency: state.currency },
    detail: { reason: "deadline" },
  });
  return result.payment ?? payment;
}
