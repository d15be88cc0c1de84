import "server-only";
import { and, eq, exists, inArray, lt, lte, sql } from "drizzle-orm";
import type { Db, DbTx } from "@/lib/server/db/client";
import { checkoutSessions, merchantEvents, payments, type CheckoutSessionRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { startLoop } from "@/lib/server/loop";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { loadCheckoutSession } from "./load-checkout-session";
import { recordMerchantEvent } from "./merchant-events";
import { supersedeLiveAttempt } from "./supersede-live-attempt";

// Sessions end in exactly one of three events: checkout.session.completed (record-session-outcome.ts),
// checkout.session.expired (the shop expired it, or its time ran out with no attempt), or
// checkout.session.failed (its time ran out and every attempt had failed). docs/api.md#events.

const LIVE = ["creating", "pending", "processing"] as const;
/** GET /api/events answers 30 days; older events are pruned by the sweep. */
export const EVENT_RETENTION_DAYS = 30;
const BATCH = 50;

async function closeSession(tx: DbTx, session: CheckoutSessionRow, now: Date, failed: boolean) {
  const [closed] = await tx
    .update(checkoutSessions)
    .set({ status: "expired", expiresAt: now < session.expiresAt ? now : session.expiresAt, updatedAt: now })
    .where(eq(checkoutSessions.id, session.id))
    .returning();
  await recordMerchantEvent(tx, failed ? "checkout.session.failed" : "checkout.session.expired", closed!);
  return closed!;
}

/**
 * POST /api/checkout-sessions/:id/expire: an open session of the shop's closes now. A live attempt is
 * superseded first (cancelled at the provider where it can be), so money that landed meanwhile wins and
 * the expire answers 409 "already paid" instead of closing a paid order.
 */
export async function expireCheckoutSession(
  db: Db,
  adapter: (provider: string) => PaymentProviderAdapter,
  id: string,
  now = new Date(),
): Promise<CheckoutSessionRow> {
  const before = await loadCheckoutSession(db, id);
  if (before.createdBy !== "merchant") throw new ApiError("NOT_FOUND", "No such checkout session.");
  const notOpen = (row: CheckoutSessionRow) =>
    new ApiError(
      "SESSION_NOT_OPEN",
      row.status === "completed"
        ? "This checkout session is already paid."
        : "This checkout session has already expired.",
    );
  if (before.status !== "open" || before.expiresAt <= now) throw notOpen(before);
  await supersedeLiveAttempt(db, adapter, id);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(checkoutSessions).where(eq(checkoutSessions.id, id)).for("update");
    if (!row || row.status !== "open" || row.expiresAt <= now) throw notOpen(row ?? before);
    return closeSession(tx, row, now, false);
  });
}

/**
 * The expiry sweep: open sessions past expires_at with no live attempt close with .expired or .failed.
 * Rows are locked FOR UPDATE SKIP LOCKED inside the transaction that closes them, so instances sharing
 * PostgreSQL never close (or announce) the same session twice. A session whose attempt is still live
 * waits for that attempt's outcome: the shopper may be paying right now.
 */
export async function expireDueSessions(
  db: Db,
  now = new Date(),
): Promise<{ expired: number; failed: number }> {
  const result = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(checkoutSessions)
      .where(
        and(
          eq(checkoutSessions.status, "open"),
          lte(checkoutSessions.expiresAt, now),
          sql`not ${exists(
            tx
              .select({ one: sql`1` })
              .from(payments)
              .where(
                and(eq(payments.checkoutSessionId, checkoutSessions.id), inArray(payments.status, [...LIVE])),
              ),
          )}`,
        ),
      )
      .orderBy(checkoutSessions.expiresAt)
      .limit(BATCH)
      .for("update", { skipLocked: true });
    const counts = { expired: 0, failed: 0 };
    for (const session of due) {
      const attempts = await tx
        .select({ status: payments.status })
        .from(payments)
        .where(eq(payments.checkoutSessionId, session.id));
      const failed = attempts.length > 0;
      await closeSession(tx, session, now, failed);
      counts[failed ? "failed" : "expired"] += 1;
    }
    return counts;
  });
  await db
    .delete(merchantEvents)
    .where(lt(merchantEvents.createdAt, new Date(now.getTime() - EVENT_RETENTION_DAYS * 86_400_000)));
  return result;
}

/** The per-instance sweep loop; returns a stop function. */
export function startSessionExpiryWorker(getDb: () => Promise<Db>, intervalMs = 5_000): () => Promise<void> {
  return startLoop(
    "checkout session expiry",
    async () => void (await expireDueSessions(await getDb())),
    intervalMs,
  );
}
