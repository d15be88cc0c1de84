"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import type { Payment } from "@/lib/api-contract";
import type { CurrencyTotals, DayReport, ZReport } from "@/lib/day-contract";
import { formatAmount, formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n-base";

// The totals of a Z report or a day report: per currency, one row per channel (count, gross, refunded,
// fees, net), then the cash count (Z report) and the payments to look at. Plain tables: they print on an
// 80 mm roll (app/globals.css) and read in a screen reader.

/** A sum that can be negative (a short drawer): the sign outside the currency. */
function money(amount: string, currency: string, locale: Locale): string {
  return amount.startsWith("-")
    ? `−${formatAmount(amount.slice(1), currency, locale)}`
    : formatAmount(amount, currency, locale);
}

function CurrencyTable({ block }: { block: CurrencyTotals }) {
  const { t, locale } = useI18n();
  const m = (a: string) => money(a, block.currency, locale);
  return (
    // Six columns do not fit a 360 px phone: the table scrolls sideways in its own box, never the page.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={block.currency}>
      <table className="w-full border-collapse text-sm" data-testid={`totals-${block.currency}`}>
        <caption className="py-1 text-left font-semibold">{block.currency}</caption>
        <thead>
          <tr className="border-b border-ink-muted/30 text-left">
            <th scope="col">{t("report.channel")}</th>
            <th scope="col" className="text-right">
              {t("report.count")}
            </th>
            <th scope="col" className="text-right">
              {t("report.gross")}
            </th>
            <th scope="col" className="text-right">
              {t("report.refunded")}
            </th>
            <th scope="col" className="text-right">
              {t("report.fees")}
            </th>
            <th scope="col" className="text-right">
              {t("report.net")}
            </th>
          </tr>
        </thead>
        <tbody>
          {block.channels.map((c) => (
            <tr key={c.channel} className="border-b border-ink-muted/15" data-channel={c.channel}>
              <th scope="row" className="text-left font-normal">
                {t(`channels.${c.channel}`)}
              </th>
              <td className="text-right">{c.count}</td>
              <td className="text-right">{m(c.gross)}</td>
              <td className="text-right">{m(c.refunded)}</td>
              <td className="text-right">{m(c.fees)}</td>
              <td className="text-right font-semibold">{m(c.net)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-bold" data-testid={`total-${block.currency}`}>
            <th scope="row" className="text-left">
              {t("report.total")}
            </th>
            <td className="text-right">{block.total.count}</td>
            <td className="text-right">{m(block.total.gross)}</td>
            <td className="text-right">{m(block.total.refunded)}</td>
            <td className="text-right">{m(block.total.fees)}</td>
            <td className="text-right">{m(block.total.net)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function PaymentList({ title, payments, id }: { title: string; payments: Payment[]; id: string }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-1">
      <h3 id={id} className="font-semibold">
        {title} ({payments.length})
      </h3>
      {payments.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("report.none")}</p>
      ) : (
        <ul className="text-sm">
          {payments.map((p) => (
            <li
              key={p.id}
              className="flex flex-wrap justify-between gap-x-3 border-b border-ink-muted/15 py-1"
            >
              <a href={`/payments/${p.id}`} className="underline print:no-underline">
                {p.reference}
              </a>
              <span>{formatAmount(p.amount, p.currency, locale)}</span>
              <span className="text-ink-muted">
                {t(`channels.${p.channel}`)} · {formatDateTime(p.created_at, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SalesReport({ report }: { report: ZReport | DayReport }) {
  const { t, locale } = useI18n();
  return (
    <div className="flex flex-col gap-4" data-testid="sales-report">
      {report.currencies.length === 0 ? <p className="text-ink-muted">{t("report.nothing")}</p> : null}
      {report.currencies.map((block) => (
        <CurrencyTable key={block.currency} block={block} />
      ))}
      <p className="text-sm text-ink-muted">{t("report.confirmedOnly")}</p>
      {"cash" in report ? (
        <section aria-labelledby="cash-count" className="flex flex-col gap-1">
          <h3 id="cash-count" className="font-semibold">
            {t("report.cashTitle")}
          </h3>
          <dl className="text-sm" data-testid="cash-count">
            {(
              [
                ["report.openingFloat", report.cash.opening_float],
                ["report.cashSales", report.cash.cash_sales],
                ["report.cashRefunds", report.cash.cash_refunds],
                ["report.expected", report.cash.expected],
                ["report.counted", report.cash.counted],
                ["report.difference", report.cash.difference],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="flex justify-between border-b border-ink-muted/15 py-1">
                <dt>{t(key)}</dt>
                <dd className="font-semibold" data-testid={key}>
                  {value === null ? "—" : money(value, report.cash.currency, locale)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <PaymentList id="late" title={t("report.late")} payments={report.late_payments} />
      <PaymentList id="mismatches" title={t("report.mismatches")} payments={report.amount_mismatches} />
      <PaymentList id="open" title={t("report.open")} payments={report.open_payments} />
      <PaymentList id="unconfirmed" title={t("report.unconfirmed")} payments={report.unconfirmed_payments} />
    </div>
  );
}
