import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BrandHeader, brandStyle } from "@/components/brand/brand-header";
import { CheckoutFlow } from "@/components/checkout/checkout-flow";
import { CheckoutClosed } from "@/components/checkout/checkout-return";
import { QueryProvider } from "@/components/query-provider";
import type { CheckoutMethod } from "@/components/checkout/method-choice";
import { successReturnUrl } from "@/components/checkout/return-url";
import { translate } from "@/lib/i18n";
import { isPaid, isTerminal } from "@/lib/payment-status";
import { checkoutSessionJson } from "@/lib/server/wire/checkout-session-json";
import { loadCheckoutSession, sessionPayments } from "@/lib/server/checkout/load-checkout-session";
import type { CheckoutSessionRow } from "@/lib/server/db/schema";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { merchantBrand } from "@/lib/server/branding/brand";
import { offeredMethods } from "@/lib/server/providers/availability";
import { ApiError } from "@/lib/server/http/api-error";
import { getRequestLocale } from "@/lib/server/locale";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ sessionId: string }> };
type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadSession(id: string): Promise<CheckoutSessionRow> {
  const { db } = await getDatabase();
  try {
    return await loadCheckoutSession(db, id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

/** The server's clock at render: the countdown corrects a phone whose clock is off by this. */
function renderedAt(): number {
  return Date.now();
}

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getRequestLocale();
  return {
    title: translate(locale, "checkout.title", { merchant: getEnv().merchantName }),
    // The link is the shopper's key to this session: it must not end up in a search index.
    robots: { index: false, follow: false },
  };
}

// Server-rendered from the session row: the shopper sees what the merchant set, and the live attempt
// (if any) is on screen before any script runs.
export default async function CheckoutPage({ params, searchParams }: Params & Search) {
  const row = await loadSession((await params).sessionId);
  const { db } = await getDatabase();
  const payments = await sessionPayments(db, row.id);
  const session = checkoutSessionJson(row);
  const result = (await searchParams).result;
  const returnUrl = successReturnUrl(session.success_url, session.id);

  const env = getEnv();
  const methods: CheckoutMethod[] = offeredMethods(session.currency, env);

  // Newest first: the attempt that counts is the latest of its kind.
  const paid = payments.find((p) => isPaid(p.status));
  const live = payments.find((p) => !isTerminal(p.status));
  const backFromProvider = result === "success" || result === "cancel";

  let content: React.ReactNode;
  if (paid && result !== "success") {
    content = <CheckoutClosed session={session} kind="paid" returnUrl={returnUrl} payment={paid} />;
  } else if (!paid && !live && session.status !== "open") {
    content = <CheckoutClosed session={session} kind="expired" returnUrl={returnUrl} />;
  } else {
    // Reopened mid-payment: the live attempt, never a second one. Back from the card page: the attempt
    // it was about, whatever its outcome, so a cancel offers Try again and a success says thank you.
    const resume = paid ?? live ?? (backFromProvider ? (payments[0] ?? null) : null);
    content = (
      <QueryProvider>
        <CheckoutFlow
          session={session}
          methods={methods}
          resume={resume}
          returnUrl={returnUrl}
          serverNow={renderedAt()}
          askProvider={backFromProvider}
        />
      </QueryProvider>
    );
  }
  const brand = await merchantBrand(db);
  return (
    <main id="main" className="px-4 py-4 sm:py-8" style={brandStyle(brand)}>
      <BrandHeader brand={brand} className="mx-auto mb-4 max-w-md" />
      {content}
    </main>
  );
}
