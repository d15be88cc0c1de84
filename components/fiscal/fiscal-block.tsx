"use client";

import { QRCodeSVG } from "qrcode.react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { FiscalReceipt } from "@/lib/fiscal-receipt";

// The fiscal block TRA requires on every receipt (README "Fiscal receipts"): the seller's TIN, VRN, serial
// and UIN, receipt and Z numbers, date and time, the items with their tax letters, the totals, how it was
// paid, the verification code and a QR of TRA's verification link. Plain data in, so the paid screen, the
// printout and the digital receipt (/r/{token}) show the same block.

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="text-neutral-600 dark:text-neutral-300">{label}</dt>
      <dd className="text-right font-mono" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function FiscalBlock({ receipt }: { receipt: FiscalReceipt }) {
  const { t } = useI18n();
  const s = receipt.seller;
  return (
    <section
      aria-labelledby="fiscal-title"
      className="flex flex-col gap-3 rounded-xl border border-neutral-300 p-4 text-sm dark:border-neutral-700"
      data-testid="fiscal-block"
      data-status={receipt.status}
    >
      <h2 id="fiscal-title" className="text-base font-bold">
        {t("fiscal.title")}
      </h2>
      <p className="font-semibold">{s.name}</p>
      <dl className="flex flex-col gap-1">
        <Row label={t("fiscal.tin")} value={s.tin} />
        <Row label={t("fiscal.vrn")} value={s.vrn} />
        <Row label={t("fiscal.serial")} value={s.serial} />
        <Row label={t("fiscal.uin")} value={s.uin} />
        <Row label={t("fiscal.taxOffice")} value={s.tax_office} />
        <Row
          label={t("fiscal.receiptNumber")}
          value={String(receipt.receipt_number)}
          testId="fiscal-receipt-number"
        />
        <Row label={t("fiscal.zNumber")} value={receipt.z_number} />
        <Row label={t("fiscal.dateTime")} value={`${receipt.date} ${receipt.time}`} />
      </dl>
      <table className="w-full">
        <caption className="sr-only">{t("fiscal.items")}</caption>
        <tbody>
          {receipt.items.map((item, i) => (
            <tr key={i}>
              <td>
                {item.quantity} × {item.description}
              </td>
              <td className="text-right font-mono">
                {item.amount} {item.tax}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="flex flex-col gap-1">
        <Row label={t("fiscal.exclTax")} value={receipt.totals.excl_tax} />
        {receipt.vat.map((group) => (
          <Row key={group.rate} label={`${t("fiscal.tax")} ${group.rate}`} value={group.tax} />
        ))}
        <Row label={t("fiscal.inclTax")} value={receipt.totals.incl_tax} testId="fiscal-total" />
        {receipt.payments.map((pay, i) => (
          <Row key={i} label={t("fiscal.paidBy")} value={`${pay.type} ${pay.amount}`} />
        ))}
        <Row
          label={t("fiscal.verificationCode")}
          value={receipt.verification_code}
          testId="fiscal-verification-code"
        />
      </dl>
      <div className="self-center rounded-lg bg-white p-2" data-testid="fiscal-qr">
        <QRCodeSVG
          value={receipt.verification_url}
          size={160}
          level="M"
          marginSize={4}
          bgColor="#ffffff"
          fgColor="#000000"
          role="img"
          aria-label={t("fiscal.qr")}
        />
      </div>
      <p className="text-center text-xs text-neutral-600 dark:text-neutral-300" data-testid="fiscal-status">
        {t(`fiscal.status.${receipt.status}`)}
      </p>
    </section>
  );
}
