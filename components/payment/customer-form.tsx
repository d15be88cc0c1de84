"use client";

import { useEffect, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { FieldIssue } from "@/lib/api-contract";
import type { BillingCustomer } from "@/lib/customer";
import { BILLING_FIELDS } from "@/lib/customer-fields";
import { needsBilling, type PaymentMethod, type Provider } from "@/lib/payment-methods";
import { detectNetwork, NETWORK_LABELS, NETWORKS, normalizeTzPhone } from "@/lib/phone";
import { fieldErrorKey } from "./field-error-key";
import { loadRecentCustomers, type RecentCustomer } from "./recent-customers";

// The customer details of one payment method, validated in the browser by the very schema
// POST /api/payments uses (lib/payment-schema.ts); server field errors land on the same fields.

export interface SaleFacts {
  provider: Provider;
  method: PaymentMethod;
  amount: string;
  currency: string;
  reference?: string;
}

export interface CustomerValues {
  phone: string;
  network: string;
  customer: Pick<BillingCustomer, "firstname" | "lastname" | "email"> & Partial<BillingCustomer>;
}

type FormValues = SaleFacts & CustomerValues;

// The schema checks the whole request; the sale facts ride along as values the cashier does not edit.
// It (and zod with it) is fetched when a form first shows, not with the page: the register and the
// shopper's checkout paint without it, and it is there before the first tap on Charge or Pay.
let validator: Promise<Resolver<FormValues>> | null = null;

function loadValidator(): Promise<Resolver<FormValues>> {
  validator ??= Promise.all([import("@hookform/resolvers/zod"), import("@/lib/payment-schema")]).then(
    ([{ zodResolver }, { createPaymentSchema }]) =>
      zodResolver(createPaymentSchema, undefined, { raw: true }) as unknown as Resolver<FormValues>,
    (error: unknown) => {
      validator = null; // a dropped download is tried again on the next check
      throw error;
    },
  );
  return validator;
}

const resolver: Resolver<FormValues> = async (values, context, options) =>
  (await loadValidator())(values, context, options);

export function CustomerForm({
  sale,
  defaults,
  serverFields,
  busy,
  submitLabel,
  onBack,
  onSubmit,
  recentFor,
}: {
  sale: SaleFacts;
  defaults?: Partial<RecentCustomer>;
  serverFields?: FieldIssue[];
  busy: boolean;
  submitLabel: string;
  onBack?: () => void;
  onSubmit: (values: CustomerValues) => void;
  /** The signed-in staff member whose recent customers are offered (none when absent). */
  recentFor?: string;
}) {
  const { t } = useI18n();
  const billing = needsBilling(sale.method);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitted },
  } = useForm<FormValues>({
    resolver,
    defaultValues: {
      ...sale,
      phone: defaults?.phone ?? "",
      network: "",
      customer: {
        firstname: defaults?.firstname ?? "",
        lastname: defaults?.lastname ?? "",
        email: defaults?.email ?? "",
        ...(billing
          ? {
              address: defaults?.address ?? "",
              city: defaults?.city ?? "",
              state: defaults?.state ?? "",
              postcode: defaults?.postcode ?? "",
              country: defaults?.country ?? "TZ",
            }
          : {}),
      },
    },
  });

  useEffect(() => {
    void loadValidator().catch(() => undefined); // fetched now so the first check does not wait for it
  }, []);

  useEffect(() => {
    for (const field of serverFields ?? []) {
      setError(field.path as keyof FormValues, { type: "server", message: field.path });
    }
  }, [serverFields, setError]);

  const [recent, setRecent] = useState<RecentCustomer[]>([]);
  useEffect(() => {
    // Read after mount: localStorage does not exist during the server render.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
    setRecent(recentFor ? loadRecentCustomers(recentFor) : []);
  }, [recentFor]);

  const message = (path: string, present: unknown) =>
    present ? t(fieldErrorKey(path, sale.method)) : undefined;
  const phone = useWatch({ control, name: "phone" });
  const normalized = sale.method === "mobile" ? normalizeTzPhone(phone ?? "") : null;
  const detected = normalized ? detectNetwork(normalized) : null;
  const amountError = errors.amount || errors.currency || errors.reference;

  function pick(customer: RecentCustomer) {
    const options = { shouldValidate: isSubmitted };
    setValue("phone", customer.phone, options);
    setValue("customer.firstname", customer.firstname, options);
    setValue("customer.lastname", customer.lastname, options);
    setValue("customer.email", customer.email, options);
    if (billing) {
      for (const field of BILLING_FIELDS) setValue(`customer.${field}`, customer[field] ?? "", options);
    }
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit((values) =>
        onSubmit({ phone: values.phone, network: values.network, customer: values.customer }),
      )}
      className="flex flex-col gap-4"
      data-testid="customer-form"
    >
      {recent.length > 0 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium">{t("details.recent")}</legend>
          <div className="flex flex-wrap gap-2">
            {recent.map((c) => (
              <Button key={`${c.email}-${c.phone}`} variant="secondary" onClick={() => pick(c)}>
                {t("details.recentPick", { name: `${c.firstname} ${c.lastname}` })}
              </Button>
            ))}
          </div>
        </fieldset>
      ) : null}

      {amountError ? (
        <p role="alert" className="rounded-lg bg-danger/10 p-3 font-medium text-danger">
          {t(fieldErrorKey(errors.amount ? "amount" : errors.currency ? "currency" : "reference"))}
        </p>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="firstname"
          label={t("details.firstname")}
          autoComplete="given-name"
          error={message("customer.firstname", errors.customer?.firstname)}
          {...register("customer.firstname")}
        />
        <TextField
          id="lastname"
          label={t("details.lastname")}
          autoComplete="family-name"
          error={message("customer.lastname", errors.customer?.lastname)}
          {...register("customer.lastname")}
        />
        <TextField
          id="email"
          type="email"
          label={t("details.email")}
          autoComplete="email"
          inputMode="email"
          error={message("customer.email", errors.customer?.email)}
          {...register("customer.email")}
        />
        <TextField
          id="phone"
          type="tel"
          label={sale.method === "mobile" ? t("details.mobilePhone") : t("details.phone")}
          hint={normalized ? t("details.normalized", { phone: normalized }) : t("details.phoneHint")}
          autoComplete="tel"
          inputMode="tel"
          error={message("phone", errors.phone)}
          {...register("phone")}
        />
      </div>

      {sale.method === "mobile" ? (
        <SelectField
          id="network"
          label={t("details.network")}
          hint={
            detected
              ? t("details.networkDetected", { network: NETWORK_LABELS[detected] })
              : normalized
                ? t("details.networkNotDetected")
                : undefined
          }
          error={message("network", errors.network)}
          {...register("network")}
        >
          <option value="">{detected ? NETWORK_LABELS[detected] : t("details.networkUnknown")}</option>
          {NETWORKS.filter((n) => n !== detected).map((n) => (
            <option key={n} value={n}>
              {NETWORK_LABELS[n]}
            </option>
          ))}
        </SelectField>
      ) : null}

      {billing ? (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">{t("details.billingTitle")}</legend>
          <TextField
            id="address"
            className="sm:col-span-2"
            label={t("details.address")}
            autoComplete="street-address"
            error={message("customer.address", errors.customer?.address)}
            {...register("customer.address")}
          />
          <TextField
            id="city"
            label={t("details.city")}
            autoComplete="address-level2"
            error={message("customer.city", errors.customer?.city)}
            {...register("customer.city")}
          />
          <TextField
            id="state"
            label={t("details.state")}
            autoComplete="address-level1"
            error={message("customer.state", errors.customer?.state)}
            {...register("customer.state")}
          />
          <TextField
            id="postcode"
            label={t("details.postcode")}
            autoComplete="postal-code"
            error={message("customer.postcode", errors.customer?.postcode)}
            {...register("customer.postcode")}
          />
          <TextField
            id="country"
            label={t("details.country")}
            autoComplete="country"
            maxLength={2}
            error={message("customer.country", errors.customer?.country)}
            {...register("customer.country")}
          />
        </fieldset>
      ) : null}

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
        {onBack ? (
          <Button variant="secondary" onClick={onBack} disabled={busy}>
            {t("details.back")}
          </Button>
        ) : (
          <span />
        )}
        <Button type="submit" disabled={busy} data-testid="charge" className="sm:min-w-56">
          {busy ? t("details.charging") : submitLabel}
        </Button>
      </div>
    </form>
  );
}
