import "server-only";
import type { PaymentRow } from "@/lib/server/db/schema";
import { log } from "@/lib/server/log";
import { AMOUNT_MISMATCH_CODE, type AmountVerdict } from "./amount-check";
import type { ProviderEvent } from "./apply-provider-event";

type Reason = Extract<AmountVerdict, { ok: false }>["reason"];

/**
 * What a drifted event becomes: the attempt fails with AMOUNT_MISMATCH and keeps the flag, so the cashier
 * reads it in words, the day report lists it and the merchant webhook (checkout.payment.failed) carries
 * `amount_mismatch: true`. A payment already expired stays expired, flagged. Logged for a human.
 */
export function asAmountMismatch(payment: PaymentRow, event: ProviderEvent, reason: Reason): ProviderEvent {
  log.error("provider amount does not match the payment", {
    paymentId: payment.id,
    provider: payment.provider,
    source: event.source,
    reportedStatus: event.status,
    reason,
    reportedAmount: event.money?.amount ?? null,
    reportedCurrency: event.money?.currency ?? null,
  });
  return {
    ...event,
    status: "failed",
    failure: {
      code: AMOUNT_MISMATCH_CODE,
      message: "The provider reported a different amount or currency than the sale. It was not accepted.",
    },
    patch: { ...event.patch, amountMismatch: true },
    detail: {
      ...event.detail,
      amount_mismatch: {
        reason,
        reported_status: event.status,
        reported_amount: event.money?.amount ?? null,
        reported_currency: event.money?.currency ?? null,
      },
    },
  };
}
