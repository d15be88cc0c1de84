import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { RefreshWhileOpen } from "@/components/payment/refresh-while-open";
import { formatAmount, formatDateTime } from "@/lib/format";
import { translate, type MessageKey } from "@/lib/i18n";
import { toMajorString, type Currency } from "@/lib/money";
import { isPaid, isTerminal } from "@/lib/payment-status";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { getRequestLocale } from "@/lib/server/locale";
import { paymentByReturnToken } from "@/lib/server/payments/payment-by-return-token";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

// Where PayGrid's card page sends the customer's phone after a sale made at the register: a public page
// found by an unguessable token, never a cashier page. It says what happened, read again from our own
// record (never from the redirect's query), so the customer can show it to the cashier.

type View = "paid" | "failed" | "open" | "left";

export default async function ShopperReturnPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ token }, query, locale] = await Promise.all([params, searchParams, getRequestLocale()]);
  const payment = await paymentByReturnToken((await getDatabase()).db, token);
  if (!payment) notFound();
  const t = (key: MessageKey, vars?: Record<string, string>) => translate(locale, key, vars);
  const view: View = isPaid(payment.status)
    ? "paid"
    : isTerminal(payment.status)
      ? "failed"
      : query.result === "cancel"
        ? "left"
        : "open";
  const amount = formatAmount(
    toMajorString(payment.amountMinor, payment.currency as Currency),
    payment.currency,
    locale,
  );
  const title: Record<View, MessageKey> = {
    paid: "shopperReturn.paidTitle",
    failed: payment.status === "cancelled" ? "shopperReturn.leftTitle" : "shopperReturn.notPaidTitle",
    open: "shopperReturn.openTitle",
    left: "shopperReturn.leftTitle",
  };
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 px-4 py-10 text-center">
      <h1
        className={`text-3xl font-bold ${view === "paid" ? "text-success" : ""}`}
        data-testid="shopper-return"
        data-view={view}
      >
        {view === "paid" ? "✓ " : ""}
        {t(title[view])}
      </h1>
      <p className="text-4xl font-bold" data-testid="shopper-return-amount">
        {amount}
      </p>
      <p className="text-ink-muted">
        {getEnv().merchantName} · {t("pay.reference", { reference: payment.reference })}
      </p>
      {payment.completedAt && view === "paid" ? (
        <p className="text-ink-muted">{formatDateTime(payment.completedAt.toISOString(), locale)}</p>
      ) : null}
      {view === "paid" && payment.receiptToken ? (
        <Link
          href={`/r/${payment.receiptToken}`}
          className={buttonClass("primary")}
          data-testid="shopper-return-receipt"
        >
          {t("receipt.open")}
        </Link>
      ) : null}
      {view === "failed" || view === "left" ? <p>{t("shopperReturn.noMoney")}</p> : null}
      {view === "open" ? (
        <p role="status" aria-live="polite">
          {t("shopperReturn.checking")}
        </p>
      ) : null}
      <p className="rounded-xl bg-brand-50 p-4 text-lg font-semibold text-brand-700 dark:bg-brand-700/30 dark:text-brand-100">
        {t("shopperReturn.showCashier")}
      </p>
      {view === "open" || view === "left" ? <RefreshWhileOpen /> : null}
    </main>
  );
}
