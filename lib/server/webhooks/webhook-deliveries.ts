import "server-only";
import { and, desc, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/server/db/client";
import { merchantWebhookOutbox } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { log } from "@/lib/server/log";

// The merchant's view of its webhook outbox (docs/api.md "Webhook deliveries"): which deliveries gave up
// after every retry (status=failed), which are still trying (pending) or arrived (delivered), and a
// retry that puts a failed one back in the queue with its same webhook-id, so the merchant deduplicates.

export const deliveryStatusSchema = z.enum(["failed", "pending", "delivered"]);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

type Row = typeof merchantWebhookOutbox.$inferSelect;

export function deliveryJson(row: Row) {
  const status: DeliveryStatus = row.deadAt ? "failed" : row.deliveredAt ? "delivered" : "pending";
  return {
    id: row.id,
    event_type: row.eventType,
    checkout_session_id: row.checkoutSessionId,
    url: row.url,
    status,
    attempts: row.attempts,
    last_status: row.lastStatus,
    last_error: row.lastError,
    next_attempt_at: status === "pending" ? row.nextAttemptAt.toISOString() : null,
    delivered_at: row.deliveredAt?.toISOString() ?? null,
    failed_at: row.deadAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

const whereStatus: Record<DeliveryStatus, SQL | undefined> = {
  failed: isNotNull(merchantWebhookOutbox.deadAt),
  delivered: isNotNull(merchantWebhookOutbox.deliveredAt),
  pending: and(isNull(merchantWebhookOutbox.deadAt), isNull(merchantWebhookOutbox.deliveredAt)),
};

/** Newest first, at most `limit`. */
export async function listDeliveries(db: Db, status: DeliveryStatus, limit: number) {
  const rows = await db
    .select()
    .from(merchantWebhookOutbox)
    .where(whereStatus[status])
    .orderBy(desc(merchantWebhookOutbox.createdAt))
    .limit(limit);
  return rows.map(deliveryJson);
}

/**
 * A failed delivery goes back in the queue now, with a fresh set of retries. One still pending or already
 * delivered is answered as it is (a repeated retry is harmless): `queued` says whether this call requeued it.
 */
export async function retryDelivery(db: Db, id: string) {
  const [row] = await db
    .update(merchantWebhookOutbox)
    .set({ deadAt: null, attempts: 0, nextAttemptAt: new Date(), leaseUntil: null })
    .where(and(eq(merchantWebhookOutbox.id, id), isNotNull(merchantWebhookOutbox.deadAt)))
    .returning();
  if (row) {
    log.info("merchant webhook queued again", { messageId: id });
    return { delivery: deliveryJson(row), queued: true };
  }
  const [existing] = await db.select().from(merchantWebhookOutbox).where(eq(merchantWebhookOutbox.id, id));
  if (!existing) throw new ApiError("NOT_FOUND", "No such webhook delivery.");
  return { delivery: deliveryJson(existing), queued: false };
}
