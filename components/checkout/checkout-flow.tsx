"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonClass } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { CreateStatus } from "@/components/payment/create-status";
import { CustomerForm, type CustomerValues } from "@/components/payment/customer-form";
import { PaymentScreen } from "@/components/payment/payment-screen";
import { providerName } from "@/components/payment/provider-name";
import { useCreatePayment } from "@/components/payment/use-create-payment";
import type { CheckoutSession, Payment } from "@/lib/api-contract";
import { formatAmount } from "@/lib/format";
import { providerOf } from "@/lib/payment-methods";
import { isPaid, isTerminal } from "@/lib/payment-status";
import { ReturnToShop } from "./checkout-return";
import { CheckoutSummary } from "./checkout-summary";
import { MethodChoice, type CheckoutMethod } from "./method-choice";

// The shopper's side of a checkout session: method → their details → the shared pay view → back to the
// shop. Amount, currency and reference never leave the server; the browser sends only how to pay and
// who pays. One Pay tap is one attempt with its own Idempotency-Key (useCreatePayment).

type Step =
  { kind: "choose" } | { kind: "details"; option: CheckoutMethod } | { kind: "pay"; payment: Payment };

interface Details {
  phone: string;
  network?: string;
  customer: Record<string, string>;
}

/** The session endpoint takes the customer as strings only; empty optional fields are left out. */
function strings(record: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/** The details a payment was made with, to start the next attempt without retyping them. */
function detailsOf(payment: Payment): Details {
  return {
    phone: payment.phone,
    ...(payment.network ? { network: payment.network } : {}),
    customer: strings(payment.customer),
  };
}

export function CheckoutFlow({
  session,
  methods,
  resume,
  returnUrl,
  serverNow,
  askProvider = false,
}: {
  session: CheckoutSession;
  methods: CheckoutMethod[];
  /** The attempt to show at once: the live one when the link is reopened, or the one a card page returned from. */
  resume: Payment | null;
  /** success_url with the session id. */
  returnUrl: string;
  serverNow: number;
  /** Back from the provider's page: its webhook may still be on the way, so ask the provider now. */
  askProvider?: boolean;
}) {
  const { t, locale } = useI18n();
  const hydrated = useHydrated();
  const [step, setStep] = useState<Step>(resume ? { kind: "pay", payment: resume } : { kind: "choose" });
  const [paid, setPaid] = useState(() => (resume ? isPaid(resume.status) : false));
  // What the shopper typed last, so Change method does not make them type it again.
  const [typed, setTyped] = useState<Details | null>(() => (resume ? detailsOf(resume) : null));
  // The attempt the shopper left with Change method: the next Pay replaces it.
  const [replacing, setReplacing] = useState<string | null>(null);

  const onCreated = useCallback((payment: Payment) => {
    setReplacing(null);
    setStep({ kind: "pay", payment });
  }, []);
  const create = useCreatePayment({ url: `/api/checkout-sessions/${session.id}/payments`, onCreated });
  const total = formatAmount(session.amount, session.currency, locale);

  const asked = useRef(false);
  useEffect(() => {
    if (!askProvider || asked.current || !resume || isTerminal(resume.status)) return;
    asked.current = true;
    // The answer reaches the pay view over its event stream; a failure here changes nothing.
    void fetch(`/api/payments/${resume.id}/refresh?session=${encodeURIComponent(session.id)}`, {
      method: "POST",
    }).catch(() => undefined);
  }, [askProvider, resume, session.id]);

  /**
   * `supersedes` names the attempt on screen when the shopper switches method while it is live: the server
   * ends it first (docs/api.md#superseded). Without it, a live attempt is resumed instead of replaced.
   */
  function pay(option: CheckoutMethod, details: Details, supersedes = replacing) {
    setTyped(details);
    create.submit({
      provider: option.provider,
      method: option.method,
      phone: details.phone,
      ...(option.method === "mobile" && details.network ? { network: details.network } : {}),
      customer: details.customer,
      ...(supersedes ? { supersedes } : {}),
    });
  }

  function submitForm(option: CheckoutMethod, values: CustomerValues) {
    pay(option, {
      phone: values.phone,
      ...(values.network ? { network: values.network } : {}),
      customer: strings(values.customer),
    });
  }

  const prefill = {
    ...(session.customer ?? {}),
    ...(typed ? { phone: typed.phone, ...typed.customer } : {}),
  };

  let body: React.ReactNode;
  if (step.kind === "pay") {
    const payment = step.payment;
    body = (
      <>
        <CheckoutSummary session={session} compact />
        <PaymentScreen
          key={payment.id}
          initial={payment}
          merchantName={session.merchant_name}
          serverNow={serverNow}
          sessionId={session.id}
          audience="shopper"
          onSettled={(settled) => {
            if (isPaid(settled.status)) setPaid(true);
          }}
          actions={{
            newAttempt: (method = payment.method) => {
              // A shopper's order is never paid in cash (only a register records cash).
              if (method !== "cash")
                pay({ provider: providerOf(method), method }, detailsOf(payment), payment.id);
            },
            changeMethod: () => {
              setTyped(detailsOf(payment));
              setReplacing(payment.id);
              setStep({ kind: "choose" });
            },
            busy: create.busy,
          }}
        >
          {paid ? (
            <ReturnToShop url={returnUrl} />
          ) : (
            <CreateStatus
              state={create.state}
              providerName={providerName(payment.provider)}
              onRetry={create.retry}
            />
          )}
        </PaymentScreen>
      </>
    );
  } else if (step.kind === "details") {
    const option = step.option;
    body = (
      <>
        <CheckoutSummary session={session} compact />
        <section aria-labelledby="details-title" className="flex flex-col gap-4">
          <div>
            <h1 id="details-title" className="text-2xl font-bold">
              {t("checkout.detailsTitle")}
            </h1>
            <p className="text-lg text-ink-muted" data-testid="details-sale">
              {t("details.for", { method: t(`methods.${option.method}`), amount: total })}
            </p>
          </div>
          <CreateStatus
            state={create.state}
            providerName={providerName(option.provider)}
            onRetry={create.retry}
            onChangeMethod={() => setStep({ kind: "choose" })}
          />
          <CustomerForm
            key={option.method}
            sale={{
              provider: option.provider,
              method: option.method,
              amount: session.amount,
              currency: session.currency,
            }}
            defaults={prefill}
            serverFields={create.state.kind === "invalid" ? create.state.fields : undefined}
            busy={create.busy}
            submitLabel={t("checkout.payButton", { amount: total })}
            onBack={() => setStep({ kind: "choose" })}
            onSubmit={(values) => submitForm(option, values)}
          />
        </section>
      </>
    );
  } else {
    body = (
      <>
        <CheckoutSummary session={session} />
        <MethodChoice
          methods={methods}
          amount={session.amount}
          currency={session.currency}
          onChoose={(option) => setStep({ kind: "details", option })}
        />
      </>
    );
  }

  return (
    <div
      className="mx-auto flex w-full max-w-xl flex-col gap-4"
      data-testid="checkout-flow"
      data-step={step.kind}
      data-hydrated={hydrated ? "true" : undefined}
    >
      {body}
      {/* Leaving is always possible until the payment is in; the live attempt then simply expires. */}
      {paid ? null : (
        <a
          href={session.cancel_url}
          className={buttonClass("ghost", "self-center")}
          data-testid="checkout-cancel"
        >
          {t("checkout.cancel")}
        </a>
      )}
    </div>
  );
}
