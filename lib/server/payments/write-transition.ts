import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbTx } from "@/lib/server/db/client";
import { PAYMENT_CHANNEL } from "@/lib/server/db/payment-notify";
import { paymentEvents, payments, type PaymentRow } from "@/lib/server/db/schema";

type PaymentChanges = Partial<Omit<PaymentRow, "id">>;
type EventRow = typeof paymentEvents.$inferInsert;

/**
 * Writes one status transition in ONE statement: the forward-only update of the payment row, the event-log
 * row and the NOTIFY, as a data-modifying WITH. Each statement is a round trip (and on PGlite a turn of its
 * one connection), so the webhook path pays one instead of three (docs/architecture.md#database-is-the-truth).
 * The caller holds the row lock (SELECT … FOR UPDATE), so the guard on the old status can only fail through
 * a bug; it throws, and the caller's transaction rolls back the event row with it.
 */
export async function writeTransition(
  tx: DbTx,
  paymentId: string,
  from: string,
  changes: PaymentChanges,
  event: EventRow,
): Promise<void> {
  const update = tx
    .update(payments)
    .set(changes)
    .where(and(eq(payments.id, paymentId), eq(payments.status, from)))
    .returning({ id: payments.id });
  const log = tx.insert(paymentEvents).values(event).returning({ seq: paymentEvents.seq });
  // getSQL(): the builders embedded bare (as a query they would be put in brackets, which WITH refuses).
  // Data-modifying WITH parts always run; the NOTIFY part runs because the final SELECT reads it. NOTIFY is
  // delivered at commit only, as before.
  const result = (await tx.execute(sql`
    with u as (${update.getSQL()}), e as (${log.getSQL()}), n as (select pg_notify(${PAYMENT_CHANNEL}, ${paymentId}))
    select (select count(*) from u)::int as updated, (select count(*) from n)::int as notified
  `)) as unknown as { rows: { updated: number; notified: number }[] };
  const row = result.rows[0];
  if (!row || Number(row.updated) !== 1) throw new Error(`payment ${paymentId} changed under its row lock`);
}

/** The set of an update without its absent fields: what `.set()` writes is exactly what is merged in memory. */
export function presentOnly<T extends Record<string, unknown>>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
