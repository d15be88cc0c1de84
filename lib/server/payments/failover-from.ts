import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { idempotencyRecords, payments } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import type { PaymentRequest } from "@/lib/payment-schema";
import { supersedeAttempt } from "./supersede-attempt";

// One-tap failover (docs/api.md#failover): a register's QR sale whose provider answered 502 after the
// automatic retries moves to the other provider's QR for the same amount. POST /api/payments names the
// failed attempt by its Idempotency-Key (`failover_from`: the register never learnt its payment id); that
// attempt is failed and flagged superseded before the new one starts, so it can never be charged by us.

/** The QR methods that stand in for each other: any Tanzanian bank or wallet app scans both. */
const PARTNER: Record<string, string> = { "dynamic-qr": "tanqr", tanqr: "dynamic-qr" };

function refuse(message: string): ApiError {
  return new ApiError("VALIDATION_ERROR", message, { fields: [{ path: "failover_from", message }] });
}

export async function failoverFrom(
  db: Db,
  adapter: (provider: string) => PaymentProviderAdapter,
  ownerScope: string,
  failedKey: string,
  next: PaymentRequest,
): Promise<void> {
  const [record] = await db
    .select({ paymentId: idempotencyRecords.paymentId })
    .from(idempotencyRecords)
    .where(and(eq(idempotencyRecords.scope, ownerScope), eq(idempotencyRecords.key, failedKey)));
  const [old] = record ? await db.select().from(payments).where(eq(payments.id, record.paymentId)) : [];
  if (!old) throw refuse("No attempt of this register has that Idempotency-Key.");
  if (PARTNER[old.method] !== next.method) {
    throw refuse("Failover moves a PayGrid QR to TANQR or a TANQR to a PayGrid QR.");
  }
  if (old.amountMinor !== next.amountMinor || old.currency !== next.currency) {
    throw refuse("Failover keeps the sale's amount and currency.");
  }
  // A replay of this same failover request finds the old attempt already superseded: nothing to do.
  if (old.supersededAt) return;
  if (old.status !== "creating") {
    throw refuse("Only an attempt whose provider did not answer can fail over; this one has an outcome.");
  }
  await supersedeAttempt(db, adapter, old, "failover");
}
