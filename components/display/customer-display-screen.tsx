"use client";

import { useEffect, useState } from "react";
import { BrandHeader, brandStyle, type BrandProps } from "@/components/brand/brand-header";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Countdown, useClockOffset, useDeadlinePassed } from "@/components/payment/countdown";
import { ImageQr, PayloadQr } from "@/components/payment/payment-qr";
import { displayStateSchema, type DisplaySale, type DisplayState } from "@/lib/customer-display-contract";
import { formatAmount } from "@/lib/format";
import { isPaid, isTerminal } from "@/lib/payment-status";

// The customer-facing display (docs/ux.md "Customer-facing display"): the register's sale as the customer
// sees it, live over SSE — the amount, the QR, the time to pay, the outcome, and a welcome screen between
// sales. No cashier controls. The language is this screen's own (the header's switch).

type Link = "live" | "reconnecting" | "revoked";

function useDisplayState(token: string, initial: DisplayState) {
  const [state, setState] = useState(initial);
  const [link, setLink] = useState<Link>("live");
  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const connect = () => {
      source = new EventSource(`/api/display/${encodeURIComponent(token)}/events`);
      source.addEventListener("state", (event) => {
        const parsed = displayStateSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
        if (parsed.success) setState(parsed.data);
        setLink("live");
      });
      source.addEventListener("revoked", () => {
        stopped = true;
        source?.close();
        setLink("revoked");
      });
      source.onerror = () => {
        if (stopped) return;
        setLink("reconnecting");
        // EventSource retries a dropped connection itself; an answer it will not retry (404 once revoked,
        // 429) closes it, so start again a little later. A revoked display's page then says so.
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(connect, 5_000);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [token]);
  return { state, link };
}

function SaleView({
  sale,
  merchantName,
  offset,
}: {
  sale: DisplaySale;
  merchantName: string;
  offset: number;
}) {
  const { t, locale } = useI18n();
  const amount = formatAmount(sale.amount, sale.currency, locale);
  const open = !isTerminal(sale.status);
  const timeUp = useDeadlinePassed(sale.expires_at, offset) && open;
  if (isPaid(sale.status)) {
    return (
      <div className="flex flex-col items-center gap-4" data-testid="display-outcome" data-status="paid">
        <p className="text-6xl text-success" aria-hidden="true">
          ✓
        </p>
        <h1 className="text-4xl font-bold text-success">{t("display.paid")}</h1>
        <p className="text-3xl font-semibold">{amount}</p>
      </div>
    );
  }
  if (!open || timeUp) {
    return (
      <div
        className="flex flex-col items-center gap-4"
        data-testid="display-outcome"
        data-status={sale.status}
      >
        <h1 className="text-3xl font-bold">
          {sale.status === "expired" || timeUp ? t("display.expired") : t("display.notPaid")}
        </h1>
        <p className="text-2xl">{amount}</p>
      </div>
    );
  }
  const label = t("pay.qrAlt", { amount, merchant: merchantName });
  return (
    <div className="flex flex-col items-center gap-4" data-testid="display-sale" data-status={sale.status}>
      <p className="text-lg text-ink-muted">{t("display.payTitle")}</p>
      <h1 className="text-5xl font-bold sm:text-6xl" data-testid="display-amount">
        {amount}
      </h1>
      {sale.method === "mobile" ? (
        <p className="text-2xl">{t("display.mobileWaiting")}</p>
      ) : sale.method === "card" ? (
        sale.payment_url ? (
          <>
            <p className="text-xl">{t("display.cardWaiting")}</p>
            <PayloadQr value={sale.payment_url} label={t("pay.linkQrAlt")} testId="display-qr" />
          </>
        ) : null
      ) : (
        <>
          <p className="text-xl font-semibold">{t("pay.scanToPay")}</p>
          {sale.qr_image ? (
            <ImageQr src={sale.qr_image} label={label} testId="display-qr" />
          ) : sale.qr_code ? (
            <PayloadQr value={sale.qr_code} label={label} testId="display-qr" />
          ) : null}
        </>
      )}
      <Countdown expiresAt={sale.expires_at} startedAt={sale.created_at} offset={offset} />
    </div>
  );
}

export function CustomerDisplayScreen({
  token,
  initial,
  brand,
  serverNow,
}: {
  token: string;
  initial: DisplayState;
  brand: BrandProps;
  serverNow: number;
}) {
  const merchantName = brand.name;
  const { t } = useI18n();
  const { state, link } = useDisplayState(token, initial);
  const offset = useClockOffset(serverNow);
  return (
    <main
      id="main"
      className="mx-auto flex min-h-[70dvh] w-full max-w-2xl flex-col items-center justify-center gap-6 px-4 py-6 text-center"
      data-testid="customer-display"
      data-link={link}
      style={brandStyle(brand)}
    >
      <BrandHeader brand={brand} />
      {link === "revoked" ? (
        <div className="flex flex-col gap-3" data-testid="display-revoked">
          <h1 className="text-3xl font-bold">{t("display.disconnectedTitle")}</h1>
          <p>{t("display.disconnectedText")}</p>
        </div>
      ) : state.sale ? (
        <SaleView key={state.sale.created_at} sale={state.sale} merchantName={merchantName} offset={offset} />
      ) : (
        <div className="flex flex-col gap-3" data-testid="display-welcome">
          <h1 className="text-5xl font-bold text-brand-700 dark:text-brand-100">{t("display.welcome")}</h1>
          <p className="text-2xl font-semibold">{merchantName}</p>
          <p className="text-xl text-ink-muted">{t("display.welcomeText")}</p>
        </div>
      )}
      {link === "reconnecting" ? (
        <p role="status" className="text-sm text-ink-muted">
          {t("display.reconnecting")}
        </p>
      ) : null}
    </main>
  );
}
