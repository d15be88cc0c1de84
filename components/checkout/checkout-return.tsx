"use client";

import { useEffect } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonClass } from "@/components/ui/button";
import { CompletedDetails } from "@/components/payment/outcome";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { CheckoutSession, Payment } from "@/lib/api-contract";

/** Long enough to read "Thank you", short enough that nobody wonders whether to tap. */
export const RETURN_DELAY_MS = 3_000;

export function ReturnLink({ url }: { url: string }) {
  const { t } = useI18n();
  return (
    <a href={url} className={buttonClass("primary")} data-testid="return-to-shop">
      {t("checkout.returnNow")}
    </a>
  );
}

/** After a payment completes on this page: a moment to read the confirmation, then back to the shop. */
export function ReturnToShop({ url }: { url: string }) {
  const { t } = useI18n();
  useEffect(() => {
    const timer = setTimeout(() => window.location.assign(url), RETURN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [url]);
  return (
    <div className="flex flex-col items-center gap-3" data-testid="checkout-returning">
      <p role="status" className="text-ink-muted">
        {t("checkout.redirecting")}
      </p>
      <ReturnLink url={url} />
    </div>
  );
}

/** A session that cannot be paid any more: already paid (with its receipt), or expired. */
export function CheckoutClosed({
  session,
  kind,
  returnUrl,
  payment,
}: {
  session: CheckoutSession;
  kind: "paid" | "expired";
  returnUrl: string;
  payment?: Payment;
}) {
  const { t } = useI18n();
  const hydrated = useHydrated();
  return (
    <section
      aria-labelledby="closed-title"
      className="mx-auto flex w-full max-w-md flex-col gap-4 rounded-2xl bg-surface-raised p-4 text-center shadow-sm"
      data-testid={`checkout-${kind}`}
      data-hydrated={hydrated ? "true" : undefined}
    >
      <p className="text-ink-muted">{t("checkout.title", { merchant: session.merchant_name })}</p>
      <h1 id="closed-title" className={`text-2xl font-bold ${kind === "paid" ? "text-success" : ""}`}>
        {kind === "paid" ? `✓ ${t("checkout.alreadyPaid")}` : t("checkout.expired")}
      </h1>
      {kind === "paid" && payment ? (
        <CompletedDetails payment={payment} merchantName={session.merchant_name} />
      ) : null}
      {kind === "paid" ? (
        <ReturnLink url={returnUrl} />
      ) : (
        <a href={session.cancel_url} className={buttonClass("secondary")} data-testid="return-to-shop">
          {t("checkout.returnNow")}
        </a>
      )}
    </section>
  );
}
