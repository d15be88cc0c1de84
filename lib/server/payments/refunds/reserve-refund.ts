import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbTx } from "@/lib/server/db/client";
import { payments, refunds, shifts, type RefundRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { toMajorString, type Currency } from "@/lib/money";
import type { RefundReason } from "@/lib/refund-schema";
import { newRefundId } from "../ids";

// Step one of a refund: under the payment's row lock, check the payment can still give this much back and
// write the refund as `pending`. A pending refund holds its amount, so two parallel refunds that together
// exceed the payment cannot both pass: the second sees the first's reservation and gets 422. Only then is
// the provider asked (create-refund.ts).

/** Paid and not yet fully given back. */
const REFUNDABLE = new Set(["completed", "partially_refunded"]);

export interface RefundReservation {
  paymentId: string;
  amountMinor: number;
  reason: RefundReason;
  note: string | null;
  idempotencyKey: string;
  staff: { id: string; name: string; registerId: string } | null;
  approvedBy: string | null;
}

export interface ReserveResult {
  refund: RefundRow;
  /** The same Idempotency-Key was seen before: `refund` is that earlier one. */
  replay: boolean;
}

export async function reserveRefund(db: Db, ask: RefundReservation): Promise<ReserveResult> {
  return db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.id, ask.paymentId)).for("update");
    if (!payment) throw new ApiError("NOT_FOUND", "No such payment.");

    const [earlier] = await tx
      .select()
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), eq(refunds.idempotencyKey, ask.idempotencyKey)));
    if (earlier) {
      const same =
        earlier.amountMinor === ask.amountMinor && earlier.reason === ask.reason && earlier.note === ask.note;
      if (!same) {
        throw new ApiError(
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was already used for another refund. Use a new key for a new refund.",
        );
      }
      return { refund: earlier, replay: true };
    }

    if (!REFUNDABLE.has(payment.status)) {
      throw new ApiError(
        "PAYMENT_NOT_REFUNDABLE",
        payment.status === "refunded"
          ? "This payment was already given back in full."
          : "Only a completed payment can be refunded.",
      );
    }
    const [held] = await tx
      .select({ minor: sql<string | number | null>`coalesce(sum(${refunds.amountMinor}), 0)` })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, "pending")));
    const balance = payment.amountMinor - payment.refundedMinor - Number(held?.minor ?? 0);
    if (ask.amountMinor > balance) {
      const left = toMajorString(Math.max(0, balance), payment.currency as Currency);
      throw new ApiError(
        "REFUND_EXCEEDS_BALANCE",
        `At most ${left} ${payment.currency} of this payment can still be given back.`,
        { fields: [{ path: "amount", message: `at most ${left}` }] },
      );
    }

    const shiftId = ask.staff ? await openShiftOf(tx, ask.staff.registerId) : null;
    const [refund] = await tx
      .insert(refunds)
      .values({
        id: newRefundId(),
        paymentId: payment.id,
        amountMinor: ask.amountMinor,
        currency: payment.currency,
        reason: ask.reason,
        note: ask.note,
        status: "pending",
        idempotencyKey: ask.idempotencyKey,
        staffId: ask.staff?.id ?? null,
        staffName: ask.staff?.name ?? null,
        approvedBy: ask.approvedBy,
        registerId: ask.staff?.registerId ?? null,
        shiftId,
      })
      .returning();
    return { refund: refund!, replay: false };
  });
}

/** The register's open shift, if one is open: the refund counts in that shift's Z report. */
async function openShiftOf(tx: DbTx, registerId: string) {
  const [open] = await tx
    .select({ id: shifts.id })
    .from(shifts)
    .where(and(eq(shifts.registerId, registerId), isNull(shifts.closedAt)))
    .limit(1);
  return open?.id ?? null;
}
