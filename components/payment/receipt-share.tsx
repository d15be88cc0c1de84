"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { PayloadQr } from "./payment-qr";
import { SendLinks } from "./send-links";

// On the register's paid screen: the digital receipt's QR for the customer's phone to keep, and the same
// link to send by SMS or WhatsApp (docs/ux.md "Receipt"). Not printed: the paper receipt is the print.
export function ReceiptShare({ url, merchantName }: { url: string; merchantName: string }) {
  const { t } = useI18n();
  return (
    <section
      aria-labelledby="receipt-share-title"
      className="flex flex-col items-center gap-2 print:hidden"
      data-testid="receipt-share"
      data-url={url}
    >
      <h3 id="receipt-share-title" className="text-lg font-semibold">
        {t("receipt.qrTitle")}
      </h3>
      <p className="text-sm text-ink-muted">{t("receipt.qrHint")}</p>
      <PayloadQr value={url} label={t("receipt.qrAlt")} size={200} testId="receipt-qr" />
      <div className="flex flex-wrap justify-center gap-2">
        <a
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          className="min-h-touch content-center font-medium underline"
          data-testid="receipt-open"
        >
          {t("receipt.open")}
        </a>
        <SendLinks text={t("receipt.shareText", { merchant: merchantName, url })} testIdPrefix="receipt" />
      </div>
    </section>
  );
}
