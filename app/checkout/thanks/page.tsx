import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { SESSION_ID_PARAM } from "@/components/checkout/return-url";
import { formatAmount } from "@/lib/format";
import { translate, type MessageKey } from "@/lib/i18n";
import { loadCheckoutSession } from "@/lib/server/checkout/load-checkout-session";
import type { CheckoutSessionRow } from "@/lib/server/db/schema";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { getRequestLocale } from "@/lib/server/locale";
import { toMajorString, type Currency } from "@/lib/money";

export const dynamic = "force-dynamic";

// Where a payment link made at the register returns the shopper (components/pos/payment-link-panel.tsx):
// a shop without a website of its own has no success_url, so Malipo says thank you itself. The session
// is read again rather than trusting the redirect, so "paid" is only said when it is.

async function findSession(id: string | undefined): Promise<CheckoutSessionRow | null> {
  if (!id) return null;
  try {
    return await loadCheckoutSession((await getDatabase()).db, id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export default async function CheckoutThanksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const locale = await getRequestLocale();
  const t = (key: MessageKey, vars?: Record<string, string>) => translate(locale, key, vars);
  const id = query[SESSION_ID_PARAM];
  const session = await findSession(typeof id === "string" ? id : undefined);
  const merchant = getEnv().merchantName;

  let title: string;
  let lines: string[];
  let back: string | null = null;
  if (query.cancelled === "1") {
    title = t("checkout.thanks.cancelledTitle");
    lines = [t("checkout.thanks.cancelledText")];
  } else if (session && session.status !== "completed") {
    title = t("checkout.thanks.notYet");
    lines = [];
    back = `/checkout/${session.id}`;
  } else {
    title = session ? t("checkout.completedTitle") : t("checkout.thanks.title");
    const amount = session
      ? formatAmount(
          toMajorString(session.amountMinor, session.currency as Currency),
          session.currency,
          locale,
        )
      : null;
    lines = [
      ...(amount ? [t("checkout.thanks.paid", { amount, merchant })] : []),
      t("checkout.thanks.close"),
    ];
  }

  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 px-4 py-10 text-center">
      <h1 className="text-2xl font-bold" data-testid="thanks-title">
        {title}
      </h1>
      {lines.map((line) => (
        <p key={line} className="text-lg">
          {line}
        </p>
      ))}
      {back ? (
        <Link href={back} className={buttonClass("primary")}>
          {t("checkout.thanks.backToPayment")}
        </Link>
      ) : null}
    </main>
  );
}
