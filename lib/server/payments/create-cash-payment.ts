import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { notifyPaymentChanged } from "@/lib/server/db/payment-notify";
import { idempotencyRecords, paymentEvents, payments, type PaymentRow } from "@/lib/server/db/schema";
import { paymentJson } from "@/lib/server/wire/payment-json";
import type { CashPaymentRequest } from "@/lib/cash-payment-schema";
import { reusedKey, type CreatePaymentResult } from "./create-payment";
import { requestHash } from "./idempotency";
import { newPaymentId, newReference } from "./ids";
import { openShiftId } from "./open-shift";
import { runPaymentChangedListeners } from "./payment-listeners";

// A cash sale is recorded, not asked of a provider: the cashier has the money in hand, so it is completed
// at once. The same Idempotency-Key rules as any payment (docs/architecture.md#never-charge-twice): the
// record and the completed payment are written in one transaction, so a retry answers the same sale.

export interface CashSaleContext {
  db: Db;
  ownerScope: string;
  seller: { staffId: string; staffName: string; registerId: string };
}

export async function createCashPayment(
  ctx: CashSaleContext,
  command: CashPaymentRequest & { idempotencyKey: string },
): Promise<CreatePaymentResult> {
  const { idempotencyKey: key, ...input } = command;
  const hash = requestHash(input);
  const id = newPaymentId();
  const created = await ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyRecords)
      .values({ scope: ctx.ownerScope, key, requestHash: hash, paymentId: id })
      .onConflictDoNothing()
      .returning({ paymentId: idempotencyRecords.paymentId });
    if (claimed.length === 0) return null;
    const now = new Date();
    const [row] = await tx
      .insert(payments)
      .values({
        id,
        provider: "cash",
        method: "cash",
        status: "completed",
        amountMinor: input.amountMinor,
        currency: input.currency,
        reference: input.reference ?? newReference(),
        customer: {},
        phone: "",
        metadata: input.metadata ?? null,
        idempotencyKey: key,
        ownerScope: ctx.ownerScope,
        staffId: ctx.seller.staffId,
        staffName: ctx.seller.staffName,
        registerId: ctx.seller.registerId,
        shiftId: await openShiftId(tx, ctx.seller.registerId),
        tenderedMinor: input.tenderedMinor ?? null,
        expiresAt: now,
        createdAt: now,
        updatedAt: now,
        completedAt: now,
      })
      .returning();
    await tx.insert(paymentEvents).values({
      paymentId: id,
      status: "completed",
      previousStatus: null,
      source: "api",
      detail: { payment: paymentJson(row!), cash: true },
    });
    await runPaymentChangedListeners(tx, row!);
    await notifyPaymentChanged(tx, id);
    return row!;
  });
  if (created) return { payment: created, created: true };

  const [record] = await ctx.db
    .select()
    .from(idempotencyRecords)
    .where(and(eq(idempotencyRecords.scope, ctx.ownerScope), eq(idempotencyRecords.key, key)));
  if (!record) throw new Error("idempotency record vanished");
  if (record.requestHash !== hash) {
    throw reusedKey();
  }
  const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, record.paymentId));
  if (!payment) throw new Error(`payment ${record.paymentId} missing for its idempotency record`);
  return { payment: payment as PaymentRow, created: false };
}
