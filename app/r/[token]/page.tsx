import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BrandHeader, brandStyle } from "@/components/brand/brand-header";
import { FiscalBlock } from "@/components/fiscal/fiscal-block";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { ReceiptToolbar } from "@/components/receipt/receipt-toolbar";
import { formatAmount, formatDateTime } from "@/lib/format";
import { messagesFor, translate, type Locale, type MessageKey } from "@/lib/i18n";
import { toMajorString, type Currency } from "@/lib/money";
import { merchantBrand } from "@/lib/server/branding/brand";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { loadPaymentFiscal } from "@/lib/server/fiscal/fiscal-status";
import { getRequestLocale } from "@/lib/server/locale";
import { receiptByToken, type ReceiptView } from "@/lib/server/payments/receipt";

export const dynamic = "force-dynamic";

// The customer's digital receipt (docs/api.md "receipts", docs/ux.md "Receipt"): public by its unguessable
// token, read from our own records, in the visitor's language (the header's switch), printable on 58 or
// 80 mm rolls. Headers: the nonce CSP of every page (proxy.ts) plus no-referrer and noindex
// (next.config.ts), so the token does not leak to another site or a search index.

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return {
    title: translate(locale, "receipt.pageTitle", { merchant: getEnv().merchantName }),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

function money(minor: number, currency: string, locale: Locale): string {
  return formatAmount(toMajorString(minor, currency as Currency), currency, locale);
}

function methodLabel(locale: Locale, method: string): string {
  const key = `methods.${method}` as MessageKey;
  const label = translate(locale, key);
  return label === key ? method : label;
}

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 border-b border-black/15 py-1">
      <dt className="text-black/70">{label}</dt>
      <dd className="ml-auto text-right font-semibold [overflow-wrap:anywhere]" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function rows(receipt: ReceiptView, locale: Locale): [string, string, string?][] {
  const t = (key: MessageKey) => translate(locale, key);
  const refunded = receipt.refunds.reduce((sum, r) => sum + r.amountMinor, 0);
  const out: [string, string, string?][] = [
    [t("outcome.reference"), receipt.reference, "receipt-reference"],
    [t("outcome.amount"), money(receipt.amountMinor, receipt.currency, locale), "receipt-amount"],
    [t("outcome.method"), methodLabel(locale, receipt.method)],
  ];
  if (receipt.tenderedMinor !== null && receipt.tenderedMinor >= receipt.amountMinor) {
    out.push([t("receipt.tendered"), money(receipt.tenderedMinor, receipt.currency, locale)]);
    out.push([
      t("receipt.change"),
      money(receipt.tenderedMinor - receipt.amountMinor, receipt.currency, locale),
    ]);
  }
  if (receipt.providerReference) out.push([t("outcome.providerReference"), receipt.providerReference]);
  if (receipt.maskedPhone) out.push([t("outcome.payer"), receipt.maskedPhone, "receipt-payer"]);
  if (receipt.cashierFirstName) out.push([t("outcome.cashier"), receipt.cashierFirstName, "receipt-cashier"]);
  out.push([t("outcome.time"), formatDateTime(receipt.paidAt.toISOString(), locale)]);
  if (refunded > 0) {
    out.push([
      t("receipt.afterRefunds"),
      money(Math.max(0, receipt.amountMinor - refunded), receipt.currency, locale),
      "receipt-net",
    ]);
  }
  return out;
}

export default async function ReceiptPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, locale] = await Promise.all([params, getRequestLocale()]);
  const { db } = await getDatabase();
  const receipt = await receiptByToken(db, token);
  if (!receipt) notFound();
  // With fiscal receipts on, TRA's block is the fiscal part of this receipt (README "Fiscal receipts").
  const fiscal = await loadPaymentFiscal(db, receipt.paymentId);
  const env = getEnv();
  const brand = await merchantBrand(db);
  const t = (key: MessageKey, vars?: Record<string, string>) => translate(locale, key, vars);
  return (
    <main
      id="main"
      className="mx-auto flex max-w-md flex-col gap-4 px-4 py-6 print:px-0 print:py-0"
      style={brandStyle(brand)}
    >
      <ReceiptToolbar>
        <article
          className="flex flex-col gap-2 text-sm"
          data-testid="receipt"
          aria-labelledby="receipt-title"
        >
          <BrandHeader brand={brand} showName>
            {env.merchantAddress ? (
              <p>
                <span className="sr-only">{t("receipt.address")}: </span>
                {env.merchantAddress}
              </p>
            ) : null}
            {env.merchantTin ? (
              <p data-testid="receipt-tin">
                {t("receipt.tin")}: {env.merchantTin}
              </p>
            ) : null}
            <h1 id="receipt-title" className="mt-2 text-base font-bold uppercase tracking-wide">
              {t("receipt.title")}
            </h1>
            {receipt.status !== "completed" ? (
              <p className="font-semibold" data-testid="receipt-status">
                {t(`pay.status.${receipt.status}`)}
              </p>
            ) : null}
          </BrandHeader>

          {receipt.lineItems.length > 0 ? (
            <section aria-labelledby="receipt-items">
              <h2 id="receipt-items" className="font-semibold">
                {t("receipt.items")}
              </h2>
              <ul data-testid="receipt-items">
                {receipt.lineItems.map((item, i) => (
                  <li key={i} className="flex justify-between gap-2">
                    <span className="[overflow-wrap:anywhere]">
                      {t("receipt.itemLine", { quantity: String(item.quantity), name: item.name })}
                    </span>
                    <span className="whitespace-nowrap">
                      {formatAmount(item.unitAmount, receipt.currency, locale)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <dl className="flex flex-col">
            {rows(receipt, locale).map(([label, value, testId]) => (
              <Row key={label} label={label} value={value} testId={testId} />
            ))}
          </dl>

          {receipt.refunds.length > 0 ? (
            <section aria-labelledby="receipt-refunds">
              <h2 id="receipt-refunds" className="font-semibold">
                {t("receipt.refunds")}
              </h2>
              <ul data-testid="receipt-refunds">
                {receipt.refunds.map((refund, i) => (
                  <li key={i} className="flex justify-between gap-2">
                    <span>
                      {t("receipt.refundLine", {
                        time: formatDateTime(refund.createdAt.toISOString(), locale),
                      })}
                    </span>
                    <span className="whitespace-nowrap">
                      −{money(refund.amountMinor, refund.currency, locale)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {receipt.paidAfterExpiry ? <p>{t("outcome.paidAfterExpiry")}</p> : null}
          {fiscal ? (
            <I18nProvider locale={locale} messages={messagesFor(locale)}>
              <FiscalBlock receipt={fiscal} />
            </I18nProvider>
          ) : (
            <p className="mt-2 text-center font-semibold" data-testid="receipt-not-fiscal">
              {t("receipt.notFiscal")}
            </p>
          )}
          <p className="text-center">{t("receipt.thanks")}</p>
        </article>
      </ReceiptToolbar>
    </main>
  );
}
