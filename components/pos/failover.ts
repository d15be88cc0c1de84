import { METHOD_SPECS, takesCurrency, type PaymentMethod } from "@/lib/payment-methods";
import type { Currency } from "@/lib/money";
import type { RecentCustomer } from "@/components/payment/recent-customers";

// One-tap failover at the register (docs/api.md#failover): a QR sale whose provider gave up answering
// (502 after the automatic retries) can be the other provider's QR for the same amount at once.

const PARTNER: Partial<Record<PaymentMethod, PaymentMethod>> = { "dynamic-qr": "tanqr", tanqr: "dynamic-qr" };

interface Option {
  provider: string;
  method: PaymentMethod | "cash";
  configured: boolean;
}

/** The method to offer instead, when its provider is configured and takes the sale's currency. */
export function failoverOption<T extends Option>(chosen: T, methods: T[], currency: Currency): T | null {
  const partner = chosen.method === "cash" ? undefined : PARTNER[chosen.method];
  const option = partner ? methods.find((m) => m.method === partner) : undefined;
  if (!option?.configured || option.method === "cash" || !takesCurrency(option.method, currency)) return null;
  return option;
}

/** Whether what the cashier already typed is every field the method needs (then no form is shown). */
export function hasEveryField(method: PaymentMethod, known: Partial<RecentCustomer>): boolean {
  return METHOD_SPECS[method].needs.every((field) => (known[field] ?? "").trim() !== "");
}
