import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/server/db/client";
import { paymentEvents, payments, refunds } from "@/lib/server/db/schema";
import { pendingPaymentRow } from "./payment-row";

// Payments and refunds written straight into the tables, for the reports: a sale as the history would hold
// it after its provider's webhook (or poll, or only the create answer) said so.

export type Confirmation = "webhook" | "poll" | "api" | null;

export async function seedPayment(
  db: Db,
  over: Partial<typeof payments.$inferInsert>,
  confirmedBy: Confirmation = "webhook",
): Promise<string> {
  const id = `pay_seed${randomBytes(8).toString("hex")}`;
  await db.insert(payments).values(pendingPaymentRow(id, { providerPaymentId: null, ...over }));
  if (confirmedBy && over.status !== undefined && over.status !== "pending") {
    await db.insert(paymentEvents).values({
      paymentId: id,
      status: "completed",
      previousStatus: "pending",
      source: confirmedBy,
      createdAt: over.completedAt ?? over.createdAt ?? new Date(),
    });
  }
  return id;
}

export async function seedRefund(
  db: Db,
  paymentId: string,
  over: Partial<typeof refunds.$inferInsert> & { amountMinor: number },
): Promise<void> {
  const id = `rf_seed${randomBytes(8).toString("hex")}`;
  await db.insert(refunds).values({
    id,
    paymentId,
    currency: "TZS",
    reason: "customer_request",
    status: "succeeded",
    idempotencyKey: id,
    ...over,
  });
}
