"use client";

import { useSyncExternalStore } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { Payment } from "@/lib/api-contract";
import { formatAmount, formatDateTime } from "@/lib/format";
import { maskPhone } from "@/lib/phone";
import { setSoundEnabled, soundEnabled, subscribeSound } from "./outcome-sound";

// The completed payment, as the cashier confirms it to the customer and as the receipt prints it.

export function CompletedDetails({ payment, merchantName }: { payment: Payment; merchantName: string }) {
  const { t, locale } = useI18n();
  const rows: [string, string][] = [
    [t("outcome.amount"), formatAmount(payment.amount, payment.currency, locale)],
    [t("outcome.method"), t(`methods.${payment.method}`)],
    [t("outcome.reference"), payment.reference],
    ...(payment.provider_reference
      ? ([[t("outcome.providerReference"), payment.provider_reference]] as [string, string][])
      : []),
    ...(payment.phone ? ([[t("outcome.payer"), maskPhone(payment.phone)]] as [string, string][]) : []),
    ...(payment.staff ? ([[t("outcome.cashier"), payment.staff.name]] as [string, string][]) : []),
    ...(payment.tendered !== null && payment.change_due !== null
      ? ([
          [t("outcome.tendered"), formatAmount(payment.tendered, payment.currency, locale)],
          [t("outcome.changeDue"), formatAmount(payment.change_due, payment.currency, locale)],
        ] as [string, string][])
      : []),
    [t("outcome.time"), formatDateTime(payment.completed_at ?? payment.updated_at, locale)],
  ];
  return (
    <div className="receipt flex flex-col gap-3">
      <p className="hidden text-center font-bold print:block">{merchantName}</p>
      <p className="hidden text-center print:block">{t("receipt.title")}</p>
      <dl className="flex flex-col text-left" data-testid="completed-details">
        {rows.map(([label, value]) => (
          <div
            key={label}
            className="flex flex-wrap items-baseline justify-between gap-x-4 border-b border-ink-muted/15 py-1"
          >
            <dt className="text-ink-muted">{label}</dt>
            <dd className="ml-auto text-right font-semibold [overflow-wrap:anywhere]">{value}</dd>
          </div>
        ))}
      </dl>
      {payment.paid_after_expiry ? (
        <p className="font-medium text-warning" data-testid="paid-after-expiry">
          {t("outcome.paidAfterExpiry")}
        </p>
      ) : null}
      <p className="hidden text-center print:block">{t("receipt.thanks")}</p>
    </div>
  );
}

export function SoundToggle() {
  const { t } = useI18n();
  // The choice lives in localStorage; the server render assumes "off" (the default).
  const on = useSyncExternalStore(subscribeSound, soundEnabled, () => false);
  return (
    <label className="flex min-h-touch items-center gap-3 print:hidden">
      <input
        type="checkbox"
        className="h-6 w-6"
        checked={on}
        onChange={(e) => setSoundEnabled(e.target.checked)}
      />
      {t("outcome.sound")}
    </label>
  );
}
