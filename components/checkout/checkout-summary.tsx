"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import type { CheckoutSession } from "@/lib/api-contract";
import { formatAmount } from "@/lib/format";
import { formatMoney, isCurrency, parseAmount } from "@/lib/money";

// What the shopper is paying for, exactly as the merchant's session says: they can read it, not change it.

function lineTotal(unit: string, quantity: number, currency: string, locale: "sw" | "en"): string {
  if (!isCurrency(currency)) return `${currency} ${unit} × ${quantity}`;
  // Minor units, so 3 × 0.10 is 0.30 and not 0.30000000000000004.
  return formatMoney(parseAmount(unit, currency) * quantity, currency, locale);
}

function Items({ session }: { session: CheckoutSession }) {
  const { t, locale } = useI18n();
  if (!session.line_items?.length) return null;
  return (
    <ul className="flex flex-col gap-2" data-testid="checkout-items">
      {session.line_items.map((item, i) => (
        <li key={`${i}-${item.name}`} className="flex items-baseline justify-between gap-3">
          <span className="min-w-0">
            <span className="block font-medium break-words">{item.name}</span>
            <span className="block text-sm text-ink-muted">
              {t("checkout.quantity", {
                quantity: item.quantity,
                amount: formatAmount(item.unit_amount, session.currency, locale),
              })}
            </span>
          </span>
          <span className="shrink-0 font-semibold tabular-nums">
            {lineTotal(item.unit_amount, item.quantity, session.currency, locale)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The full summary heads the method choice; while paying, the pay view already shows merchant and
 * amount, so only the items remain, folded away to keep the QR above the fold on a phone.
 */
export function CheckoutSummary({
  session,
  compact = false,
}: {
  session: CheckoutSession;
  compact?: boolean;
}) {
  const { t, locale } = useI18n();
  const total = formatAmount(session.amount, session.currency, locale);
  if (compact) {
    return (
      <details className="mx-auto w-full max-w-md rounded-xl bg-surface-raised px-4 shadow-sm">
        <summary className="min-h-touch cursor-pointer content-center font-medium">
          {t("checkout.orderDetails")}
        </summary>
        <div className="flex flex-col gap-3 pb-4">
          {session.description ? <p>{session.description}</p> : null}
          <Items session={session} />
          <p className="flex justify-between border-t border-ink-muted/20 pt-2 font-semibold">
            <span>{t("checkout.total")}</span>
            <span className="tabular-nums">{total}</span>
          </p>
        </div>
      </details>
    );
  }
  return (
    <section
      aria-labelledby="checkout-title"
      className="flex flex-col gap-3 rounded-2xl bg-surface-raised p-4 shadow-sm"
      data-testid="checkout-summary"
    >
      <h1 id="checkout-title" className="text-2xl font-bold break-words">
        {t("checkout.title", { merchant: session.merchant_name })}
      </h1>
      {session.description ? <p className="text-ink-muted">{session.description}</p> : null}
      {session.line_items?.length ? (
        <section aria-label={t("checkout.items")}>
          <Items session={session} />
        </section>
      ) : null}
      <p className="flex items-baseline justify-between gap-3 border-t border-ink-muted/20 pt-3">
        <span className="text-lg font-semibold">{t("checkout.total")}</span>
        <span className="text-3xl font-bold tabular-nums" data-testid="checkout-total">
          {total}
        </span>
      </p>
    </section>
  );
}
