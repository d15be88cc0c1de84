"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { LazyImageQr, LazyPayloadQr, preloadedQr } from "@/components/payment/lazy-qr";
import type { Payment } from "@/lib/api-contract";

// The payment's QR the moment the create answer arrives, while the register moves to /payments/:id: the
// shopper can scan before the payment's page has loaded, and that page then shows the same QR, live. The
// answer is the server's own payment JSON, so a QR that failed the sale check (docs/providers.md#tanqr-check)
// arrives without its code and is not shown here either. Methods without a QR wait for their page.

export function hasQr(payment: Payment): boolean {
  return Boolean(payment.qr_image || payment.qr_code);
}

export function CreatedQrPreview({
  payment,
  amount,
  merchantName,
}: {
  payment: Payment;
  amount: string;
  merchantName: string;
}) {
  const { t } = useI18n();
  const label = t("pay.qrAlt", { amount, merchant: merchantName });
  // Preloaded while the details were typed (register.tsx); lazily only if Charge came first.
  const { ImageQr = LazyImageQr, PayloadQr = LazyPayloadQr } = preloadedQr() ?? {};
  return (
    <div className="flex flex-col items-center gap-3" data-testid="created-qr-preview">
      <p className="text-lg font-semibold">{t("pay.scanToPay")}</p>
      {payment.qr_image ? (
        <ImageQr src={payment.qr_image} label={label} testId="payment-qr" />
      ) : (
        <PayloadQr value={payment.qr_code ?? ""} label={label} testId="payment-qr" />
      )}
      <p className="font-semibold">{t("pay.amountTo", { amount, merchant: merchantName })}</p>
    </div>
  );
}
