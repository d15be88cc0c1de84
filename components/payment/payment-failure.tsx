"use client";

import type { Payment } from "@/lib/api-contract";
import { NextAttemptButtons } from "./next-attempt-buttons";
import type { PaymentActions } from "./payment-actions";
import { useAudienceI18n, type Audience } from "./use-audience-i18n";

/** A failed, declined or cancelled attempt: the reason in plain words and what to do next. */
export function PaymentFailure({
  payment,
  headingRef,
  actions,
  audience,
}: {
  payment: Payment;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  actions: PaymentActions;
  audience: Audience;
}) {
  const { t } = useAudienceI18n(audience);
  const declined = payment.failure_code === "PAYMENT_DECLINED";
  const mismatch = payment.amount_mismatch;
  const title = mismatch
    ? "outcome.amountMismatchTitle"
    : declined
      ? "outcome.declinedTitle"
      : payment.status === "cancelled"
        ? "outcome.cancelledTitle"
        : "outcome.failedTitle";
  const reason = mismatch
    ? "outcome.amountMismatchReason"
    : declined
      ? "outcome.declinedReason"
      : payment.status === "cancelled"
        ? "outcome.cancelledReason"
        : "outcome.failedReason";
  return (
    <div
      className="flex flex-col gap-3"
      data-testid={mismatch ? "outcome-amount-mismatch" : "outcome-failed"}
    >
      <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-danger">
        {t(title)}
      </h2>
      <p>{t(reason)}</p>
      <NextAttemptButtons
        actions={actions}
        again={t("outcome.tryAgain")}
        other={t("outcome.changeMethod")}
        againTestId="try-again"
      />
    </div>
  );
}
