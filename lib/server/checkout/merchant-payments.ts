import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { checkoutSessions, payments } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { requireWellFormedId } from "@/lib/server/http/path-id";
import { listPayments, type ListPaymentsQuery } from "@/lib/server/payments/list-payments";
import { paymentJson } from "@/lib/server/wire/payment-json";
import type { Payment, PaymentList } from "@/lib/api-contract";

// What the merchant key may read of payments: the attempts shoppers made on the shop's own checkout
// sessions. The register's sales (and payment links a cashier made) are the shop floor's records, not
// the web shop's, so the key never sees them.

const merchantSessions = (db: Db) =>
  db
    .select({ id: checkoutSessions.id })
    .from(checkoutSessions)
    .where(eq(checkoutSessions.createdBy, "merchant"));

/** GET /api/payments with the merchant key; the register's filters (staff, register) do not apply. */
export async function listMerchantPayments(db: Db, query: ListPaymentsQuery): Promise<PaymentList> {
  return listPayments(db, null, query, [
    isNotNull(payments.checkoutSessionId),
    inArray(payments.checkoutSessionId, merchantSessions(db)),
  ]);
}

/** GET /api/payments/:id with the merchant key: 404 for anything but the shop's checkout payments. */
export async function loadMerchantPayment(db: Db, id: string): Promise<Payment> {
  requireWellFormedId(id, "pay", "No such payment.");
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, id), inArray(payments.checkoutSessionId, merchantSessions(db))));
  if (!row) throw new ApiError("NOT_FOUND", "No such payment.");
  return paymentJson(row);
}
