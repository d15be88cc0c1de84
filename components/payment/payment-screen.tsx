"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Payment } from "@/lib/api-contract";
import { formatAmount } from "@/lib/format";
import { isPaid, isTerminal } from "@/lib/payment-status";
import { Countdown, useClockOffset, useDeadlinePassed } from "./countdown";
import { NextAttemptButtons } from "./next-attempt-buttons";
import { CompletedDetails, SoundToggle } from "./outcome";
import { playOutcome } from "./outcome-sound";
import { PayView } from "./pay-view";
import type { PaymentActions } from "./payment-actions";
import { PaymentFailure } from "./payment-failure";
import { ReceiptShare } from "./receipt-share";
import { useAudienceI18n, type Audience } from "./use-audience-i18n";
import { usePaymentLive } from "./use-payment-live";

// The pay view and its outcomes, shared by the cashier's payment screen and the shopper's checkout:
// the QR (or the mobile-money prompt, or the card page link), the countdown, live status, and what to do
// next once the outcome is known. The parent decides what "try again" and "change method" mean.

export function PaymentScreen({
  initial,
  merchantName,
  serverNow,
  sessionId,
  actions,
  onSettled,
  audience = "cashier",
  children,
}: {
  initial: Payment;
  merchantName: string;
  serverNow?: number;
  sessionId?: string;
  actions: PaymentActions;
  audience?: Audience;
  onSettled?: (payment: Payment) => void;
  /** Shown under the outcome (e.g. the new attempt's progress). */
  children?: React.ReactNode;
}) {
  const { t, locale } = useAudienceI18n(audience);
  const { payment, connection, checkNow, checking } = usePaymentLive(initial, sessionId);
  const offset = useClockOffset(serverNow);
  const deadlinePassed = useDeadlinePassed(payment.expires_at, offset);
  const amount = formatAmount(payment.amount, payment.currency, locale);
  const status = payment.status;
  const open = !isTerminal(status);
  const timeUp = open && deadlinePassed;
  const hydrated = useHydrated();

  // Sound and focus only for an outcome that arrives while the screen is open, not for one reloaded.
  const seen = useRef(status);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const before = seen.current;
    seen.current = status;
    if (before === status || isTerminal(before) || !isTerminal(status)) return;
    playOutcome(isPaid(status) ? "success" : "failure");
    outcomeHeading.current?.focus();
  }, [status]);

  const settledRef = useRef(onSettled);
  useEffect(() => {
    settledRef.current = onSettled;
  }, [onSettled]);
  useEffect(() => {
    if (isTerminal(status)) settledRef.current?.(payment);
  }, [status, payment]);

  // At the deadline the server is asked at once; the provider's answer (or a late payment) follows.
  const askedAtDeadline = useRef(false);
  useEffect(() => {
    if (timeUp && !askedAtDeadline.current) {
      askedAtDeadline.current = true;
      void checkNow();
    }
  }, [timeUp, checkNow]);

  return (
    <section
      aria-labelledby="pay-title"
      className="mx-auto flex w-full max-w-2xl flex-col items-center gap-4 text-center"
      data-hydrated={hydrated ? "true" : undefined}
    >
      <div>
        <h1 id="pay-title" className="text-4xl font-bold sm:text-5xl" data-testid="pay-amount">
          {amount}
        </h1>
        <p className="text-ink-muted">
          {merchantName} · {t(`methods.${payment.method}`)} ·{" "}
          {t("pay.reference", { reference: payment.reference })}
        </p>
      </div>

      <p
        aria-live="polite"
        role="status"
        data-testid="payment-status"
        data-status={status}
        className={`text-xl font-semibold ${isPaid(status) ? "text-success" : open ? "" : "text-danger"}`}
      >
        {t(`pay.status.${status}`)}
      </p>

      {open && connection === "reconnecting" ? (
        <p className="rounded-lg bg-warning/10 px-3 py-2 font-medium" data-testid="reconnecting">
          {t("pay.reconnecting")}
        </p>
      ) : null}

      {open && payment.qr_mismatch ? (
        <div
          role="alert"
          className="flex flex-col gap-3 rounded-xl border-2 border-danger p-4"
          data-testid="qr-mismatch"
        >
          <p className="font-semibold text-danger">{t("pay.qrMismatch")}</p>
          <NextAttemptButtons
            actions={actions}
            again={t(`methods.again.${payment.method}`)}
            other={t("outcome.changeMethod")}
          />
        </div>
      ) : null}

      {open && !payment.qr_mismatch && !timeUp ? (
        <PayView
          payment={payment}
          amount={amount}
          merchantName={merchantName}
          actions={actions}
          audience={audience}
        />
      ) : null}

      {open ? (
        <Countdown expiresAt={payment.expires_at} startedAt={payment.created_at} offset={offset} />
      ) : null}
      {timeUp ? <p>{t("outcome.expiredNote")}</p> : null}

      {open ? (
        <Button
          variant="secondary"
          onClick={() => void checkNow()}
          disabled={checking}
          data-testid="check-now"
        >
          {checking ? t("pay.checking") : t("pay.checkNow")}
        </Button>
      ) : null}

      {isPaid(status) ? (
        <div className="flex w-full max-w-md flex-col gap-4" data-testid="outcome-completed">
          <h2 ref={outcomeHeading} tabIndex={-1} className="text-3xl font-bold text-success">
            ✓ {t("outcome.completedTitle")}
          </h2>
          <CompletedDetails payment={payment} merchantName={merchantName} />
          {actions.printable && payment.receipt_url ? (
            <ReceiptShare url={payment.receipt_url} merchantName={merchantName} />
          ) : null}
          {actions.newSale ? <SoundToggle /> : null}
          <div className="flex flex-col gap-2 sm:flex-row sm:justify-center print:hidden">
            {actions.printable ? (
              <Button variant="secondary" onClick={() => window.print()}>
                {t("outcome.printReceipt")}
              </Button>
            ) : null}
            {actions.newSale ? (
              <Button onClick={actions.newSale} data-testid="new-sale">
                {t("outcome.newSale")}
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}

      {status === "failed" || status === "cancelled" ? (
        <PaymentFailure payment={payment} headingRef={outcomeHeading} actions={actions} audience={audience} />
      ) : null}

      {/* What ran out is named by method: a QR, a PIN prompt, a card link or a TANQR; so is starting again. */}
      {status === "expired" ? (
        <div className="flex flex-col gap-3" data-testid="outcome-expired" data-method={payment.method}>
          <h2 ref={outcomeHeading} tabIndex={-1} className="text-2xl font-bold">
            {t(`outcome.expiredTitle.${payment.method}`)}
          </h2>
          <p>{t("outcome.expiredNote")}</p>
          <NextAttemptButtons
            actions={actions}
            again={t(`methods.again.${payment.method}`)}
            other={t("outcome.changeMethod")}
            againTestId="expired-again"
          />
        </div>
      ) : null}

      {!open && !isPaid(status) && actions.newSale ? <SoundToggle /> : null}
      {children}
    </section>
  );
}
