import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { payments, type PaymentRow } from "@/lib/server/db/schema";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { refreshPayment } from "./refresh-payment";

// POST /api/payments/:id/refresh is open to anyone holding a checkout link, and each provider ask spends
// the merchant's quota. So the provider is asked at most once per payment per interval, across every app
// instance: the claim is one conditional UPDATE of a timestamp on the payment row. Otherwise the stored
// state is answered (the webhook and the reconciler keep it current).

export const PROVIDER_ASK_INTERVAL_MS = 5_000;

/** True when this caller may ask the provider now (and has recorded that it does). */
export async function claimProviderAsk(
  db: Db,
  paymentId: string,
  now = new Date(),
  intervalMs = PROVIDER_ASK_INTERVAL_MS,
): Promise<boolean> {
  const claimed = await db
    .update(payments)
    .set({ providerAskedAt: now })
    .where(
      and(
        eq(payments.id, paymentId),
        or(
          isNull(payments.providerAskedAt),
          lt(payments.providerAskedAt, new Date(now.getTime() - intervalMs)),
        ),
      ),
    )
    .returning({ id: payments.id });
  return claimed.length > 0;
}

export async function throttledRefresh(
  db: Db,
  adapter: PaymentProviderAdapter,
  payment: PaymentRow,
): Promise<PaymentRow> {
  if (!(await claimProviderAsk(db, payment.id))) return payment;
  return refreshPayment(db, adapter, payment, { live: true });
}
