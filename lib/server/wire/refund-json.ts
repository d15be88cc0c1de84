import "server-only";
import type { RefundRow } from "@/lib/server/db/schema";
import { refundSchema, type Refund } from "@/lib/api-contract";
import { toMajorString, type Currency } from "@/lib/money";

/** The refund object of docs/api.md#refunds (schema: lib/api-contract.ts), parsed on the way out. */
export function refundJson(row: RefundRow): Refund {
  return refundSchema.parse({
    id: row.id,
    payment_id: row.paymentId,
    amount: toMajorString(row.amountMinor, row.currency as Currency),
    currency: row.currency,
    reason: row.reason,
    note: row.note,
    status: row.status,
    created_by: row.staffId
      ? { kind: "staff", id: row.staffId, name: row.staffName }
      : { kind: "merchant", id: null, name: null },
    approved_by: row.approvedBy,
    register_id: row.registerId,
    failure_code: row.failureCode,
    created_at: row.createdAt.toISOString(),
  });
}
