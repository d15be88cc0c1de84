"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { CreateStatus } from "@/components/payment/create-status";
import { CustomerForm, type CustomerValues } from "@/components/payment/customer-form";
import { providerName } from "@/components/payment/provider-name";
import { rememberCustomer } from "@/components/payment/recent-customers";
import { useCreatePayment } from "@/components/payment/use-create-payment";
import { preloadQr } from "@/components/payment/lazy-qr";
import type { Payment } from "@/lib/api-contract";
import { formatAmount } from "@/lib/format";
import { minimumNotMet } from "@/components/payment/below-minimum";
import { CURRENCIES, CURRENCY_EXPONENT, formatMoney, type Currency } from "@/lib/money";
import { takesCurrency, type Provider, type SaleMethod } from "@/lib/payment-methods";
import { useHydrated } from "@/components/ui/use-hydrated";
import { CashPanel } from "./cash-panel";
import { Keypad } from "./keypad";
import { failoverOption, hasEveryField } from "./failover";
import { CreatedQrPreview, hasQr } from "./created-qr-preview";
import { PaymentLinkPanel } from "./payment-link-panel";
import { loadSaleDraft, saveSaleDraft } from "./sale-draft";

// The register: amount on the keypad → method → customer details → Charge. One Charge is one attempt.

export interface MethodOption {
  provider: Provider | "cash";
  method: SaleMethod;
  configured: boolean;
}

/** Cash needs no provider: the register always offers it (docs/api.md "Cash"). */
export const CASH_OPTION: MethodOption = { provider: "cash", method: "cash", configured: true };

type Step = "sale" | "details" | "link" | "cash";

// Shillings are rung up whole at a Tanzanian till, though ISO 4217 gives TZS two decimals.
function keypadDecimals(currency: Currency): number {
  return currency === "TZS" ? 0 : CURRENCY_EXPONENT[currency];
}

function hasAmount(amount: string): boolean {
  return /[1-9]/.test(amount) && !amount.endsWith(".");
}

export function Register({
  methods,
  merchantName,
  staffId,
}: {
  methods: MethodOption[];
  merchantName: string;
  /** Who is signed in: recent customers are kept per staff member. */
  staffId?: string;
}) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const params = useSearchParams();
  const [amount, setAmount] = useState("");
  const [currency, setCurrency] = useState<Currency>("TZS");
  const [reference, setReference] = useState("");
  const [step, setStep] = useState<Step>("sale");
  const [chosen, setChosen] = useState<MethodOption | null>(null);
  // What the cashier typed last, and the attempt a failover supersedes (its Idempotency-Key).
  const [typed, setTyped] = useState<CustomerValues | null>(null);
  const [failoverKey, setFailoverKey] = useState<string | null>(null);
  const hydrated = useHydrated();

  useEffect(() => {
    // "Change method" on the payment screen comes back here with the sale intact, to choose again.
    if (params.get("resume") !== "1") return;
    const draft = loadSaleDraft();
    if (!draft) return;
    // sessionStorage exists only in the browser, after hydration: this effect is the sync point.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAmount(draft.amount);
    setCurrency(draft.currency);
    setReference(draft.reference ?? "");
  }, [params]);

  // The answer's QR shows here at once (created-qr-preview.tsx) while its page loads.
  const [created, setCreated] = useState<Payment | null>(null);
  const onCreated = useCallback((payment: Payment) => setCreated(payment), []);
  // After the commit that shows it: the page's navigation must not hold back the QR's first paint.
  useEffect(() => {
    if (created) router.push(`/payments/${created.id}`);
  }, [created, router]);
  useEffect(() => {
    if (step === "details") preloadQr();
  }, [step]);
  const create = useCreatePayment({ url: "/api/payments", onCreated });
  const display = formatAmount(amount === "" ? "0" : amount.replace(/\.$/, ""), currency, locale);

  function unavailableReason(option: MethodOption): string | null {
    if (!option.configured) return t("register.notConfigured");
    if (option.method === "cash") return null;
    if (!takesCurrency(option.method, currency)) return t("register.tzsOnly");
    const minimum = hasAmount(amount) ? minimumNotMet(option.method, amount, currency) : null;
    if (minimum !== null)
      return t("register.belowMinimum", { amount: formatMoney(minimum, currency, locale) });
    return null;
  }

  function choose(option: MethodOption) {
    setChosen(option);
    setFailoverKey(null);
    if (option.method === "cash") {
      setStep("cash");
      return;
    }
    saveSaleDraft({ amount, currency, reference: reference.trim() || undefined, method: option.method });
    setStep("details");
  }

  function charge(values: CustomerValues, option = chosen, failedKey = failoverKey) {
    if (!option) return;
    setTyped(values);
    if (staffId) rememberCustomer(staffId, { ...values.customer, phone: values.phone });
    create.submit({
      provider: option.provider,
      method: option.method,
      amount,
      currency,
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      phone: values.phone,
      ...(option.method === "mobile" && values.network ? { network: values.network } : {}),
      customer: values.customer,
      // The attempt PayGrid (or SplashPay) never answered is superseded, never retried (docs/api.md#failover).
      ...(failedKey ? { failover_from: failedKey } : {}),
    });
  }

  const known = typed ? { phone: typed.phone, ...typed.customer } : undefined;
  const partner =
    chosen && create.state.kind === "unavailable" ? failoverOption(chosen, methods, currency) : null;

  /** One tap: the same sale as the other provider's QR; the form only when it needs more details. */
  function failover() {
    if (!partner || partner.method === "cash" || create.state.kind !== "unavailable") return;
    const failedKey = create.state.key;
    setFailoverKey(failedKey);
    setChosen(partner);
    create.reset();
    saveSaleDraft({ amount, currency, reference: reference.trim() || undefined, method: partner.method });
    if (typed && known && hasEveryField(partner.method, known)) charge(typed, partner, failedKey);
  }

  if (step === "link") {
    return (
      <PaymentLinkPanel
        amount={amount}
        currency={currency}
        reference={reference.trim()}
        merchantName={merchantName}
        onDone={() => setStep("sale")}
      />
    );
  }

  if (step === "cash") {
    return (
      <CashPanel
        amount={amount}
        currency={currency}
        reference={reference.trim()}
        onCreated={onCreated}
        onBack={() => setStep("sale")}
      />
    );
  }

  if (step === "details" && created && hasQr(created)) {
    return <CreatedQrPreview payment={created} amount={display} merchantName={merchantName} />;
  }

  if (step === "details" && chosen && chosen.method !== "cash" && chosen.provider !== "cash") {
    return (
      <section aria-labelledby="details-title" className="flex flex-col gap-4">
        <div>
          <h1 id="details-title" className="text-2xl font-bold">
            {t("details.title")}
          </h1>
          <p className="text-lg text-ink-muted" data-testid="details-sale">
            {t("details.for", { method: t(`methods.${chosen.method}`), amount: display })}
          </p>
        </div>
        <CreateStatus
          state={create.state}
          providerName={providerName(chosen.provider)}
          onRetry={create.retry}
          onChangeMethod={() => setStep("sale")}
        />
        {partner ? (
          <div
            className="flex flex-col gap-2 rounded-lg border-2 border-accent p-3"
            data-testid="failover-offer"
          >
            <p>
              {t("create.failoverNote", {
                method: t(`methods.short.${partner.method}`),
                provider: providerName(chosen.provider),
              })}
            </p>
            <Button onClick={failover} data-testid="failover">
              {t(partner.method === "tanqr" ? "create.failoverTo.tanqr" : "create.failoverTo.dynamic-qr")}
            </Button>
          </div>
        ) : null}
        {failoverKey && !create.busy && create.state.kind === "idle" ? (
          <p className="rounded-lg bg-warning/10 p-3 font-medium" data-testid="failover-details">
            {t("create.failoverDetails", { method: t(`methods.short.${chosen.method}`) })}
          </p>
        ) : null}
        <CustomerForm
          key={chosen.method}
          defaults={known}
          sale={{
            provider: chosen.provider,
            method: chosen.method,
            amount,
            currency,
            reference: reference.trim() || undefined,
          }}
          serverFields={create.state.kind === "invalid" ? create.state.fields : undefined}
          busy={create.busy}
          submitLabel={t("details.charge", { amount: display })}
          onBack={() => setStep("sale")}
          onSubmit={charge}
          recentFor={staffId}
        />
      </section>
    );
  }

  const ready = hasAmount(amount);
  return (
    <section
      aria-labelledby="register-title"
      className="grid gap-6 lg:grid-cols-2"
      data-hydrated={hydrated ? "true" : undefined}
    >
      <div className="flex flex-col gap-4">
        <h1 id="register-title" className="sr-only">
          {t("register.title")}
        </h1>
        <div className="rounded-2xl bg-surface-raised p-4 text-right shadow-sm">
          <p className="text-sm text-ink-muted">{t("register.amountLabel")}</p>
          <output aria-live="polite" data-testid="amount-display" className="block text-amount break-all">
            {display}
          </output>
        </div>
        <Keypad value={amount} decimals={keypadDecimals(currency)} onChange={setAmount} />
      </div>
      <div className="flex flex-col gap-4">
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            id="currency"
            label={t("register.currency")}
            value={currency}
            onChange={(e) => {
              setCurrency(e.target.value as Currency);
              setAmount("");
            }}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
          <TextField
            id="reference"
            label={t("register.reference")}
            value={reference}
            maxLength={64}
            onChange={(e) => setReference(e.target.value)}
          />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-lg font-semibold">{t("register.chooseMethod")}</legend>
          {!ready ? <p className="text-sm text-ink-muted">{t("register.enterAmountFirst")}</p> : null}
          {methods.map((option) => {
            const reason = unavailableReason(option);
            return (
              <button
                key={option.method}
                type="button"
                data-method={option.method}
                disabled={!ready || reason !== null}
                onClick={() => choose(option)}
                className="flex min-h-16 flex-col items-start justify-center rounded-xl bg-surface-raised px-4 py-2 text-left shadow-sm ring-1 ring-ink-muted/20 hover:ring-brand-500 disabled:opacity-60"
              >
                <span className="text-lg font-semibold">{t(`methods.${option.method}`)}</span>
                <span className="text-sm text-ink-muted">
                  {reason ? t("register.methodDisabled", { reason }) : t(`methods.hint.${option.method}`)}
                </span>
              </button>
            );
          })}
        </fieldset>
        <Button
          variant="secondary"
          disabled={!ready}
          onClick={() => setStep("link")}
          data-testid="payment-link"
        >
          {t("register.paymentLink")}
        </Button>
      </div>
    </section>
  );
}
