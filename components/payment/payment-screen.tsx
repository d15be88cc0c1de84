"use client";

import { useEffect, useMemo, useRef } from "react";
import { useI18n, type Translate } from "@/components/i18n/i18n-provider";
import { Button, buttonClass } from "@/components/ui/button";
import type { Payment } from "@/lib/api-types";
import { formatAmount } from "@/lib/format";
import type { MessageKey } from "@/lib/i18n";
import { isTerminal, type PaymentStatus } from "@/lib/payment-status";
import { maskPhone } from "@/lib/phone";
import { CopyLinkButton } from "./copy-link-button";
import { Countdown, useClockOffset, useDeadlinePassed } from "./countdown";
import { CompletedDetails, SoundToggle } from "./outcome";
import { playOutcome } from "./outcome-sound";
import { ImageQr, PayloadQr } from "./payment-qr";
import { useHydrated } from "@/components/ui/use-hydrated";
import { usePaymentLive } from "./use-payment-live";

// The pay view and its outcomes, shared by the cashier's payment screen and the shopper's checkout:
// the QR (or the mobile-money prompt, or the card page link), the countdown, live status, and what to do
// next once the outcome is known. The parent decides what "try again" and "change method" mean.

export interface PaymentActions {
  /** A new attempt (new Idempotency-Key) with the same details, optionally another method. */
  newAttempt: (method?: Payment["method"]) => void;
  changeMethod: () => void;
  /** Cashier only. */
  newSale?: () => void;
  /** Cashier only: the thermal receipt. */
  printable?: boolean;
  busy?: boolean;
}

const PAID: ReadonlySet<PaymentStatus> = new Set(["completed", "partially_refunded", "refunded"]);

/** Who reads the screen: the cashier at the till (the default) or the shopper on their own phone. */
export type Audience = "cashier" | "shopper";

// The shopper reads the same screen in the second person: there is no "customer" to ask for anything.
const SHOPPER_WORDS: Partial<Record<MessageKey, MessageKey>> = {
  "pay.status.pending": "checkout.pay.pending",
  "pay.status.processing": "checkout.pay.processing",
  "pay.mobilePrompt": "checkout.pay.mobilePrompt",
  "pay.mobileNoPin": "checkout.pay.mobileNoPin",
  "pay.cardIntro": "checkout.pay.cardIntro",
  "outcome.completedTitle": "checkout.completedTitle",
  "outcome.expiredTitle": "checkout.pay.expiredTitle",
  "outcome.expiredNote": "checkout.pay.expiredNote",
  "outcome.declinedReason": "checkout.pay.declinedReason",
  "outcome.cancelledReason": "checkout.pay.cancelledReason",
  "outcome.newQr": "outcome.tryAgain",
  "outcome.back": "outcome.changeMethod",
};

function useAudienceI18n(audience: Audience) {
  const { t, locale } = useI18n();
  const say = useMemo<Translate>(
    () => (audience === "shopper" ? (key, vars) => t(SHOPPER_WORDS[key] ?? key, vars) : t),
    [audience, t],
  );
  return { t: say, locale };
}

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
    playOutcome(PAID.has(status) ? "success" : "failure");
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
        className={`text-xl font-semibold ${PAID.has(status) ? "text-success" : open ? "" : "text-danger"}`}
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
          <div className="flex flex-wrap justify-center gap-2">
            <Button onClick={() => actions.newAttempt()} disabled={actions.busy}>
              {t("outcome.newQr")}
            </Button>
            <Button variant="secondary" onClick={actions.changeMethod}>
              {t("outcome.changeMethod")}
            </Button>
          </div>
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

      {open ? <Countdown expiresAt={payment.expires_at} offset={offset} /> : null}
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

      {PAID.has(status) ? (
        <div className="flex w-full max-w-md flex-col gap-4" data-testid="outcome-completed">
          <h2 ref={outcomeHeading} tabIndex={-1} className="text-3xl font-bold text-success">
            ✓ {t("outcome.completedTitle")}
          </h2>
          <CompletedDetails payment={payment} merchantName={merchantName} />
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
        <Failure payment={payment} headingRef={outcomeHeading} actions={actions} audience={audience} />
      ) : null}

      {status === "expired" ? (
        <div className="flex flex-col gap-3" data-testid="outcome-expired">
          <h2 ref={outcomeHeading} tabIndex={-1} className="text-2xl font-bold">
            {t("outcome.expiredTitle")}
          </h2>
          <p>{t("outcome.expiredNote")}</p>
          <div className="flex flex-wrap justify-center gap-2 print:hidden">
            <Button onClick={() => actions.newAttempt()} disabled={actions.busy}>
              {t("outcome.newQr")}
            </Button>
            <Button variant="secondary" onClick={actions.changeMethod}>
              {t("outcome.back")}
            </Button>
          </div>
        </div>
      ) : null}

      {!open && !PAID.has(status) && actions.newSale ? <SoundToggle /> : null}
      {children}
    </section>
  );
}

function Failure({
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
  const title = declined
    ? "outcome.declinedTitle"
    : payment.status === "cancelled"
      ? "outcome.cancelledTitle"
      : "outcome.failedTitle";
  const reason = declined
    ? "outcome.declinedReason"
    : payment.status === "cancelled"
      ? "outcome.cancelledReason"
      : "outcome.failedReason";
  return (
    <div className="flex flex-col gap-3" data-testid="outcome-failed">
      <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-danger">
        {t(title)}
      </h2>
      <p>{t(reason)}</p>
      <div className="flex flex-wrap justify-center gap-2 print:hidden">
        <Button onClick={() => actions.newAttempt()} disabled={actions.busy} data-testid="try-again">
          {t("outcome.tryAgain")}
        </Button>
        <Button variant="secondary" onClick={actions.changeMethod}>
          {t("outcome.changeMethod")}
        </Button>
      </div>
    </div>
  );
}

function PayView({
  payment,
  amount,
  merchantName,
  actions,
  audience,
}: {
  payment: Payment;
  amount: string;
  merchantName: string;
  actions: PaymentActions;
  audience: Audience;
}) {
  const { t } = useAudienceI18n(audience);
  const shopper = audience === "shopper";
  const link = payment.payment_url;
  const fallback = link ? (
    <div className="flex flex-col items-center gap-2">
      <div className="flex flex-wrap justify-center gap-2">
        <a
          href={link}
          target="_blank"
          rel="noopener noreferrer"
          className={buttonClass("primary")}
          data-testid="open-payment-page"
        >
          {t("pay.openPaymentPage")}
        </a>
        <CopyLinkButton url={link} />
      </div>
    </div>
  ) : null;

  if (payment.status === "creating") return null;

  if (payment.method === "mobile") {
    return (
      <div className="flex flex-col items-center gap-3" data-testid="mobile-prompt">
        <p className="text-xl">{t("pay.mobilePrompt", { phone: maskPhone(payment.phone) })}</p>
        <p className="text-sm font-medium text-ink-muted">{t("pay.mobileNoPin")}</p>
        {/* A checkout session resumes its live attempt instead of starting another, so the shopper
            waits for this prompt's outcome; Try again and Change method follow a failure. */}
        {shopper ? null : (
          <div className="flex flex-wrap justify-center gap-2">
            <Button
              variant="secondary"
              onClick={() => actions.newAttempt("mobile")}
              disabled={actions.busy}
              data-testid="send-again"
            >
              {t("pay.sendAgain")}
            </Button>
            <Button
              variant="secondary"
              onClick={() => actions.newAttempt("dynamic-qr")}
              disabled={actions.busy}
              data-testid="switch-to-qr"
            >
              {t("pay.switchToQr")}
            </Button>
          </div>
        )}
      </div>
    );
  }

  if (payment.method === "card") {
    return (
      <div className="flex flex-col items-center gap-3">
        <p>{t("pay.cardIntro")}</p>
        {link ? <PayloadQr value={link} label={t("pay.linkQrAlt")} size={240} testId="link-qr" /> : null}
        {fallback}
      </div>
    );
  }

  const label = t("pay.qrAlt", { amount, merchant: merchantName });
  return (
    <div className="flex flex-col items-center gap-3">
      <p className="text-lg font-semibold">{t("pay.scanToPay")}</p>
      {payment.method === "tanqr" ? <p className="text-sm text-ink-muted">{t("pay.tanqrIntro")}</p> : null}
      {payment.qr_image ? (
        <ImageQr src={payment.qr_image} label={label} testId="payment-qr" />
      ) : payment.qr_code ? (
        <PayloadQr value={payment.qr_code} label={label} testId="payment-qr" />
      ) : null}
      <p className="font-semibold">{t("pay.amountTo", { amount, merchant: merchantName })}</p>
      {shopper && link ? <p className="text-ink-muted">{t("checkout.payOnPhone")}</p> : null}
      {fallback}
      {/* The shopper is already on their own phone: a QR of the link would only point back at it. */}
      {link && !shopper ? (
        <details className="flex flex-col items-center">
          <summary className="min-h-touch cursor-pointer content-center font-medium">
            {t("pay.linkQrTitle")}
          </summary>
          <PayloadQr value={link} label={t("pay.linkQrAlt")} size={180} testId="link-qr" />
        </details>
      ) : null}
    </div>
  );
}
