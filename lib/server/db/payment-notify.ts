import "server-only";
import { sql } from "drizzle-orm";
import type { DbTx } from "./client";

// The wake-up primitive for payment changes. It lives with the database (the floor below payments and
// realtime) so the writer (payments) and the listener (realtime) share the channel without importing
// each other. The payload is the payment id only: listeners re-read rows (the database is the truth).

export const PAYMENT_CHANNEL = "malipo_payment_events";

/** Queues the NOTIFY inside the caller's transaction: it is delivered only if the change commits. */
export async function notifyPaymentChanged(tx: DbTx, paymentId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${PAYMENT_CHANNEL}, ${paymentId})`);
}
