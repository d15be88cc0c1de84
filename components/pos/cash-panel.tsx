"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { CreateStatus } from "@/components/payment/create-status";
import { useCreatePayment } from "@/components/payment/use-create-payment";
import type { Payment } from "@/lib/api-contract";
import { formatAmount } from "@/lib/format";
import { formatMoney, parseAmount, type Currency } from "@/lib/money";

// A cash sale: the cashier types what the customer handed over (optional), sees the change due, and
// records the sale. No provider is asked: the money is in the drawer.

export function CashPanel({
  amount,
  currency,
  reference,
  onCreated,
  onBack,
}: {
  amount: string;
  currency: Currency;
  reference: string;
  onCreated: (payment: Payment) => void;
  onBack: () => void;
}) {
  const { t, locale } = useI18n();
  const [tendered, setTendered] = useState("");
  const create = useCreatePayment({ url: "/api/payments", onCreated });
  const due = parseAmount(amount, currency);
  let change: number | null = null;
  let error: string | undefined;
  if (tendered.trim() !== "") {
    try {
      change = parseAmount(tendered.trim(), currency) - due;
      if (change < 0) error = t("cash.tooLittle");
    } catch {
      error = t("cash.notAnAmount");
    }
  }

  function record(event: React.FormEvent) {
    event.preventDefault();
    if (error) return;
    create.submit({
      provider: "cash",
      method: "cash",
      amount,
      currency,
      ...(tendered.trim() ? { tendered: tendered.trim() } : {}),
      ...(reference ? { reference } : {}),
    });
  }

  return (
    <section aria-labelledby="cash-title" className="flex max-w-md flex-col gap-4">
      <div>
        <h1 id="cash-title" className="text-2xl font-bold">
          {t("cash.title")}
        </h1>
        <p className="text-lg text-ink-muted" data-testid="cash-sale">
          {t("details.for", { method: t("methods.cash"), amount: formatAmount(amount, currency, locale) })}
        </p>
      </div>
      <CreateStatus
        state={create.state}
        providerName="Malipo"
        onRetry={create.retry}
        onChangeMethod={onBack}
      />
      <form onSubmit={record} className="flex flex-col gap-4" noValidate>
        <TextField
          id="tendered"
          label={t("cash.tendered")}
          hint={t("cash.tenderedHint")}
          inputMode="decimal"
          autoComplete="off"
          value={tendered}
          error={error}
          onChange={(e) => setTendered(e.target.value)}
        />
        <p aria-live="polite" className="text-xl font-semibold" data-testid="change-due">
          {change !== null && change >= 0
            ? t("cash.changeDue", { amount: formatMoney(change, currency, locale) })
            : null}
        </p>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={create.busy || Boolean(error)} data-testid="record-cash">
            {t("cash.record", { amount: formatAmount(amount, currency, locale) })}
          </Button>
          <Button type="button" variant="ghost" onClick={onBack}>
            {t("details.back")}
          </Button>
        </div>
      </form>
    </section>
  );
}
