"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { minimumNotMet } from "@/components/payment/below-minimum";
import { formatMoney, isCurrency } from "@/lib/money";
import type { PaymentMethod, Provider } from "@/lib/payment-methods";

export interface CheckoutMethod {
  provider: Provider;
  method: PaymentMethod;
}

/** The methods this session can be paid with; one below its minimum says so instead of failing later. */
export function MethodChoice({
  methods,
  amount,
  currency,
  onChoose,
}: {
  methods: CheckoutMethod[];
  amount: string;
  currency: string;
  onChoose: (option: CheckoutMethod) => void;
}) {
  const { t, locale } = useI18n();
  const tooSmall = (method: PaymentMethod): string | null => {
    if (!isCurrency(currency)) return null;
    const minimum = minimumNotMet(method, amount, currency);
    if (minimum === null) return null;
    const key = method === "mobile" ? "checkout.mobileMinimum" : "checkout.paygridMinimum";
    return t(key, { amount: formatMoney(minimum, currency, locale) });
  };
  return (
    <fieldset className="flex flex-col gap-2" data-testid="method-choice">
      <legend className="mb-2 text-lg font-semibold">{t("checkout.chooseMethod")}</legend>
      {methods.map((option) => {
        const reason = tooSmall(option.method);
        return (
          <button
            key={option.method}
            type="button"
            data-method={option.method}
            disabled={reason !== null}
            onClick={() => onChoose(option)}
            className="flex min-h-16 flex-col items-start justify-center rounded-xl bg-surface-raised px-4 py-2 text-left shadow-sm ring-1 ring-ink-muted/20 hover:ring-brand-500 disabled:opacity-60"
          >
            <span className="text-lg font-semibold">{t(`methods.short.${option.method}`)}</span>
            <span className="text-sm text-ink-muted">
              {reason ?? t(`checkout.methodHint.${option.method}`)}
            </span>
          </button>
        );
      })}
    </fieldset>
  );
}
