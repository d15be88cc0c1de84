import "server-only";
import type { CheckoutSessionRow } from "@/lib/server/db/schema";
import { getEnv } from "@/lib/server/env";
import { toMajorString, type Currency } from "@/lib/money";
import { checkoutSessionSchema, type CheckoutSession, type Payment } from "@/lib/api-contract";
import { livemode } from "./livemode";

export function checkoutUrl(id: string): string {
  return `${getEnv().publicBaseUrl}/checkout/${id}`;
}

/** The session as docs/api.md#checkout-sessions shows it; `payments` only where the caller may see them. */
export function checkoutSessionJson(row: CheckoutSessionRow, payments?: Payment[]): CheckoutSession {
  const status = row.status === "open" && row.expiresAt.getTime() <= Date.now() ? "expired" : row.status;
  return checkoutSessionSchema.parse({
    id: row.id,
    url: checkoutUrl(row.id),
    status,
    amount: toMajorString(row.amountMinor, row.currency as Currency),
    currency: row.currency,
    reference: row.reference,
    description: row.description,
    line_items: row.lineItems,
    customer: row.customer,
    client_reference_id: row.clientReferenceId,
    metadata: row.metadata ?? {},
    success_url: row.successUrl,
    cancel_url: row.cancelUrl,
    merchant_name: getEnv().merchantName,
    livemode: livemode(),
    expires_at: row.expiresAt.toISOString(),
    created_at: row.createdAt.toISOString(),
    ...(payments ? { payments } : {}),
  });
}
