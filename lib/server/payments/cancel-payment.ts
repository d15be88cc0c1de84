import "server-only";
import type { Db } from "@/lib/server/db/client";
import type { PaymentRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { log } from "@/lib/server/log";
import { ProviderFailure, type PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { applyProviderEvent } from "./apply-provider-event";
import { providerStateEvent } from "./provider-state-event";

/**
 * POST /api/payments/:id/cancel: the cashier withdraws an open TANQR (the customer walked away), so the
 * code on screen can no longer be paid. SplashPay answers the payment's state afterwards: cancelled, or what
 * it settled as meanwhile — a payment that landed first stays paid (the same path as the deadline's cancel,
 * cancel-at-deadline.ts). PayGrid documents no cancel; its payments expire on their own.
 */
export async function cancelOpenPayment(
  db: Db,
  adapter: PaymentProviderAdapter,
  payment: PaymentRow,
): Promise<PaymentRow> {
  if (!adapter.cancel) {
    throw new ApiError(
      "CANCEL_NOT_SUPPORTED",
      "This provider offers no cancel: the payment expires on its own.",
    );
  }
  if (payment.status !== "pending" && payment.status !== "processing") {
    throw new ApiError("PAYMENT_NOT_CANCELLABLE", "Only a payment that is still open can be cancelled.");
  }
  let state;
  try {
    state = await adapter.cancel(payment);
  } catch (error) {
    if (error instanceof ProviderFailure && error.kind === "unavailable") {
      throw new ApiError("PROVIDER_UNAVAILABLE", "The payment provider is not answering. Try again.", {
        retryable: true,
      });
    }
    throw error;
  }
  log.info("open payment cancelled at the provider", { paymentId: payment.id, status: state.status });
  const result = await applyProviderEvent(
    db,
    providerStateEvent(payment.id, state, "api", { detail: { reason: "cashier" } }),
  );
  return result.payment ?? payment;
}
