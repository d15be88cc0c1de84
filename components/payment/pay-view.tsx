"use client";

import { Button, buttonClass } from "@/components/ui/button";
import type { Payment } from "@/lib/api-contract";
import { maskPhone } from "@/lib/phone";
import { CopyLinkButton } from "./copy-link-button";
import type { PaymentActions } from "./payment-actions";
import { ImageQr, PayloadQr } from "./payment-qr";
import { useAudienceI18n, type Audience } from "./use-audience-i18n";

/** What the customer pays with while the attempt is open: the QR, the mobile-money prompt, or the card page. */
export function PayView({
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
        {/* On a checkout link, Use QR instead supersedes this prompt (docs/api.md#superseded); sending the
            prompt again is the cashier's, as a second live prompt would be for the shopper. */}
        <div className="flex flex-wrap justify-center gap-2">
          {shopper ? null : (
            <Button
              variant="secondary"
              onClick={() => actions.newAttempt("mobile")}
              disabled={actions.busy}
              data-testid="send-again"
            >
              {t("methods.again.mobile")}
            </Button>
          )}
          <Button
            variant="secondary"
            onClick={() => actions.newAttempt("dynamic-qr")}
            disabled={actions.busy}
            data-testid="switch-to-qr"
          >
            {t("pay.switchToQr")}
          </Button>
          {shopper ? <ChangeMethod actions={actions} /> : null}
        </div>
      </div>
    );
  }

  if (payment.method === "card") {
    return (
      <div className="flex flex-col items-center gap-3">
        <p>{t("pay.cardIntro")}</p>
        {link ? <PayloadQr value={link} label={t("pay.linkQrAlt")} size={240} testId="link-qr" /> : null}
        {fallback}
        {shopper ? <ChangeMethod actions={actions} /> : null}
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
      {shopper ? <ChangeMethod actions={actions} /> : null}
    </div>
  );
}

/** The shopper may change method while this attempt is open: the next one supersedes it. */
function ChangeMethod({ actions }: { actions: PaymentActions }) {
  const { t } = useAudienceI18n("shopper");
  return (
    <Button
      variant="ghost"
      onClick={actions.changeMethod}
      disabled={actions.busy}
      data-testid="change-method-live"
    >
      {t("outcome.changeMethod")}
    </Button>
  );
}
