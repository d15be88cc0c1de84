import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { refunds, type RefundRow } from "@/lib/server/db/schema";
import { loadPaymentForRefund } from "./refund-payment";
import type { RefundRequester } from "./refund-requester";

/** GET /api/payments/:id/refunds: a payment's refunds, oldest first, for whoever may see the payment. */
export async function listRefunds(
  db: Db,
  paymentId: string,
  requester: RefundRequester,
): Promise<RefundRow[]> {
  const payment = await loadPaymentForRefund(db, paymentId, requester);
  return refundsOf(db, payment.id);
}

/** A payment's refunds, oldest first, for a caller that already checked it may see the payment. */
export async function refundsOf(db: Db, paymentId: string): Promise<RefundRow[]> {
  return db.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(asc(refunds.createdAt));
}
