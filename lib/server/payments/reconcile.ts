import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { payments, type PaymentRow } from "@/lib/server/db/schema";
import { log } from "@/lib/server/log";
import { startLoop } from "@/lib/server/loop";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { cancelAtDeadline } from "./cancel-at-deadline";
import { refreshPayment } from "./refresh-payment";

// Heals missed webhooks: open payments with no news for a while are read back from the provider, and past
// our deadline closed at providers that would keep them payable (cancel-at-deadline.ts). Each
// candidate is leased with FOR UPDATE SKIP LOCKED, so several app instances never poll the same payment.

const LEASE_SECONDS = 30;
const BATCH = 20;
/** Near the deadline the provider is asked to check upstream (PayGrid refresh) instead of its record. */
const LIVE_CHECK_WINDOW_MS = 60_000;

function backoffSeconds(checkCount: number): number {
  return Math.min(30 * 2 ** Math.max(0, checkCount - 1), 300);
}

export interface ReconcileResult {
  checked: number;
  changed: number;
  failed: number;
}

export async function reconcileDue(
  db: Db,
  adapter: (provider: string) => PaymentProviderAdapter,
  now = new Date(),
  /** Graceful shutdown: true once the instance stops; the rest of the batch is handed back unchecked. */
  stopping: () => boolean = () => false,
): Promise<ReconcileResult> {
  const leaseUntil = new Date(now.getTime() + LEASE_SECONDS * 1000);
  const claimed = (await db.execute(sql`
    update ${payments} set lease_until = ${leaseUntil}, check_count = check_count + 1
    where id in (
      select id from ${payments}
      where status in ('pending', 'processing')
        and next_check_at <= ${now}
        and (lease_until is null or lease_until < ${now})
      order by next_check_at
      limit ${BATCH}
      for update skip locked
    )
    returning id
  `)) as unknown as { rows: { id: string }[] };

  const result: ReconcileResult = { checked: 0, changed: 0, failed: 0 };
  for (const [index, { id }] of claimed.rows.entries()) {
    if (stopping()) {
      await releaseLeases(
        db,
        claimed.rows.slice(index).map((r) => r.id),
      );
      break;
    }
    // Our claim's lease_until is the token of ownership: if checking the batch took longer than the lease,
    // another instance may hold this row now, and it is skipped (each payment read once per round).
    // Still ours: the lease is renewed for this row's check.
    const [row] = await db
      .update(payments)
      .set({ leaseUntil: new Date(Date.now() + LEASE_SECONDS * 1000) })
      .where(and(eq(payments.id, id), eq(payments.leaseUntil, leaseUntil)))
      .returning();
    if (!row) continue;
    result.checked += 1;
    try {
      const live = now.getTime() >= row.expiresAt.getTime() - LIVE_CHECK_WINDOW_MS;
      const provider = adapter(row.provider);
      const refreshed = await refreshPayment(db, provider, row, { live });
      const after = await cancelAtDeadline(db, provider, refreshed, now);
      if (after.status !== row.status) result.changed += 1;
      await scheduleNext(db, after, now);
    } catch (error) {
      result.failed += 1;
      log.warn("reconcile check failed", { paymentId: row.id, error: String(error) });
      await scheduleNext(db, row, now);
    }
  }
  return result;
}

/** Hands leased payments back at once (as they were) so another instance checks them next round. */
async function releaseLeases(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update ${payments} set lease_until = null, check_count = greatest(check_count - 1, 0)
    where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})
  `);
}

async function scheduleNext(db: Db, row: PaymentRow, now: Date): Promise<void> {
  // Still open: come back later (sooner around the deadline, when the provider settles it).
  const untilDeadline = row.expiresAt.getTime() - now.getTime();
  const wait = Math.min(backoffSeconds(row.checkCount + 1) * 1000, Math.max(untilDeadline, 15_000));
  await db.execute(sql`
    update ${payments}
    set lease_until = null,
        next_check_at = case when status in ('pending', 'processing') then ${new Date(now.getTime() + wait)}::timestamptz else null end
    where id = ${row.id}
  `);
}

/** Starts the per-instance loop; returns a stop function. */
export function startReconciler(
  getDb: () => Promise<Db>,
  adapter: (provider: string) => PaymentProviderAdapter,
  intervalMs = 5_000,
): () => Promise<void> {
  let stopping = false;
  const stop = startLoop(
    "reconciler",
    async () => {
      const result = await reconcileDue(await getDb(), adapter, new Date(), () => stopping);
      if (result.checked > 0) log.info("reconciled payments", { ...result });
    },
    intervalMs,
  );
  return () => {
    stopping = true;
    return stop();
  };
}
