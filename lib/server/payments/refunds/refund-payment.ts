import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { payments, type PaymentRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { requireWellFormedId } from "@/lib/server/http/path-id";
import { loadOwnedPayment } from "../payment-access";
import { refundScope, type RefundRequester } from "./refund-requester";

/** The payment a refund is asked for, if the requester may see it; any other is "not found". */
export async function loadPaymentForRefund(
  db: Db,
  paymentId: string,
  requester: RefundRequester,
): Promise<PaymentRow> {
  const scope = refundScope(requester);
  if ("ownerScope" in scope) return loadOwnedPayment(db, paymentId, scope.ownerScope);
  // The merchant key reaches the payments of checkout sessions, never a register's own sales.
  requireWellFormedId(paymentId, "pay", "No such payment.");
  const [row] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (!row || !row.checkoutSessionId) throw new ApiError("NOT_FOUND", "No such payment.");
  return row;
}
