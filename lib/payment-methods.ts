import { CURRENCIES, type Currency } from "@/lib/money";
import { BILLING_FIELDS, CUSTOMER_FIELDS, type CustomerField } from "@/lib/customer-fields";

// The payment methods Malipo offers, spelled once: which provider runs each, which customer fields it
// needs, which currencies it takes and its smallest charge. Schemas, screens and the OpenAPI document
// all read this list.

export const PROVIDERS = ["paygrid", "splashpay"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const PAYMENT_METHODS = ["dynamic-qr", "mobile", "card", "tanqr"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Cash is recorded, not sent to a provider: a sale's provider and method may also be "cash". */
export const SALE_PROVIDERS = [...PROVIDERS, "cash"] as const;
export const SALE_METHODS = [...PAYMENT_METHODS, "cash"] as const;
export type SaleMethod = (typeof SALE_METHODS)[number];

export interface MethodSpec {
  provider: Provider;
  method: PaymentMethod;
  /** The customer fields the provider requires for this method. */
  needs: readonly CustomerField[];
  currencies: readonly Currency[];
  /** Smallest charge per currency, in minor units. */
  minimumMinor: Partial<Record<Currency, number>>;
}

const BILLING = [...CUSTOMER_FIELDS, ...BILLING_FIELDS] as const;
const PAYGRID_MINIMUM: Partial<Record<Currency, number>> = { TZS: 50_000 };

export const METHOD_SPECS: Record<PaymentMethod, MethodSpec> = {
  // PayGrid takes at least 500 TZS on every method (docs/providers.md: "Minimum 500 TZS when currency is TZS").
  "dynamic-qr": {
    provider: "paygrid",
    method: "dynamic-qr",
    needs: CUSTOMER_FIELDS,
    currencies: CURRENCIES,
    minimumMinor: PAYGRID_MINIMUM,
  },
  mobile: {
    provider: "paygrid",
    method: "mobile",
    needs: CUSTOMER_FIELDS,
    currencies: CURRENCIES,
    minimumMinor: PAYGRID_MINIMUM,
  },
  card: {
    provider: "paygrid",
    method: "card",
    needs: BILLING,
    currencies: CURRENCIES,
    minimumMinor: PAYGRID_MINIMUM,
  },
  // Dynamic TANQR is a Tanzanian scheme: shillings only.
  tanqr: { provider: "splashpay", method: "tanqr", needs: BILLING, currencies: ["TZS"], minimumMinor: {} },
};

export function isPaymentMethod(value: string): value is PaymentMethod {
  return (PAYMENT_METHODS as readonly string[]).includes(value);
}

export function providerOf(method: PaymentMethod): Provider {
  return METHOD_SPECS[method].provider;
}

/** Card and TANQR need the billing address as well as the name and email. */
export function needsBilling(method: PaymentMethod): boolean {
  return METHOD_SPECS[method].needs.includes("address");
}

export function takesCurrency(method: PaymentMethod, currency: string): boolean {
  return (METHOD_SPECS[method].currencies as readonly string[]).includes(currency);
}

/** The smallest charge a method takes in a currency, in minor units; undefined when there is none. */
export function minimumChargeMinor(method: PaymentMethod, currency: Currency): number | undefined {
  return METHOD_SPECS[method].minimumMinor[currency];
}

/** Every method of the providers that are switched on, in the order screens list them. */
export function enabledMethods(
  enabled: Record<Provider, boolean>,
): { provider: Provider; method: PaymentMethod }[] {
  return PAYMENT_METHODS.filter((m) => enabled[providerOf(m)]).map((m) => ({
    provider: providerOf(m),
    method: m,
  }));
}
