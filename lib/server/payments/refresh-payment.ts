import "server-only";
import type { Db } from "@/lib/server/db/client";
import type { PaymentRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { ProviderFailure, type PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { isTerminal, type PaymentStatus } from "@/lib/payment-status";
import { applyProviderEvent } from "./apply-provider-event";

/**
 * Asks the provider about a payment now and applies the answer through the one apply path (source "poll").
 * `live` makes PayGrid check upstream (its refresh endpoint) instead of returning its recorded status.
 */
export async function refreshPayment(
  db: Db,
  adapter: PaymentProviderAdapter,
  payment: PaymentRow,
  options: { live: boolean },
): Promise<PaymentRow> {
  if (payment.status === "creating" || !payment.providerPaymentId) return payment;
  if (isTerminal(payment.status as PaymentStatus) && payment.status !== "expired") return payment;
  try {
    const state = await adapter.fetchState(payment, options);
    const result = await applyProviderEvent(db, {
      paymentId: payment.id,
      status: state.status,
      source: "poll",
      providerReference: state.providerReference ?? null,
      occurredAt: state.completedAt ?? undefined,
      money: { amount: state.amount, currency: state.currency },
    });
    return result.payment ?? payment;
  } catch (error) {
    if (error instanceof ProviderFailure && error.kind === "unavailable") {
      throw new ApiError(
        "PROVIDER_UNAVAILABLE",
        "The payment provider is not answering. Try again shortly.",
        {
          retryable: true,
        },
      );
    }
    throw error;
  }
}
