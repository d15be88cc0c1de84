import "server-only";
import { eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { Db } from "@/lib/server/db/client";
import { merchantWebhookOutbox } from "@/lib/server/db/schema";
import { getEnv } from "@/lib/server/env";
import { guardedPost } from "@/lib/server/http/guarded-post";
import { log } from "@/lib/server/log";
import { metrics } from "@/lib/server/metrics/registry";
import { startLoop } from "@/lib/server/loop";

// Delivers queued merchant webhooks, signed with the Standard Webhooks scheme (webhook-id,
// webhook-timestamp, webhook-signature). Rows are leased with FOR UPDATE SKIP LOCKED so several instances
// share the work; a failed delivery is retried with backoff; `webhook-id` stays the same on every attempt so
// the merchant can deduplicate.

export const DEFAULT_RETRY_DELAYS_SECONDS = [5, 30, 120, 600, 1800, 3600, 10_800, 21_600];

export interface DeliveryOptions {
  secret: string;
  fetch?: typeof fetch;
  now?: Date;
  retryDelaysSeconds?: number[];
  timeoutMs?: number;
  /** Loopback targets are allowed in sandbox mode only (docs/api.md); private ranges never. */
  allowLoopback?: boolean;
  /** Graceful shutdown: true once the instance stops; undelivered claimed rows are handed back. */
  stopping?: () => boolean;
}

export interface DeliveryResult {
  delivered: number;
  retrying: number;
  dead: number;
}

export async function deliverDueMerchantWebhooks(db: Db, options: DeliveryOptions): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const delays = options.retryDelaysSeconds ?? DEFAULT_RETRY_DELAYS_SECONDS;
  const allowLoopback = options.allowLoopback ?? getEnv().sandbox;
  // Tests may hand in a fetch; production sends through the guarded client (no redirects, no internal IPs).
  const send = async (url: string, headers: Record<string, string>, body: string, timeoutMs: number) => {
    if (!options.fetch) return guardedPost(url, { headers, body, timeoutMs, allowLoopback });
    const response = await options.fetch(url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual",
    });
    await response.body?.cancel().catch(() => {});
    return response.status;
  };
  const signer = new Webhook(options.secret);
  const claimed = (await db.execute(sql`
    update ${merchantWebhookOutbox}
    set lease_until = ${new Date(now.getTime() + 60_000)}, attempts = attempts + 1
    where id in (
      select id from ${merchantWebhookOutbox}
      where delivered_at is null and dead_at is null and next_attempt_at <= ${now}
        and (lease_until is null or lease_until < ${now})
      order by next_attempt_at
      limit 20
      for update skip locked
    )
    returning id, url, payload, attempts
  `)) as unknown as { rows: { id: string; url: string; payload: unknown; attempts: number }[] };

  const result: DeliveryResult = { delivered: 0, retrying: 0, dead: 0 };
  for (const [index, row] of claimed.rows.entries()) {
    if (options.stopping?.()) {
      await releaseOutboxLeases(
        db,
        claimed.rows.slice(index).map((r) => r.id),
      );
      break;
    }
    const body = JSON.stringify(row.payload);
    const sentAt = new Date();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const headers = {
        "content-type": "application/json",
        "user-agent": "Malipo-Webhooks/1.0",
        "webhook-id": row.id,
        "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
        "webhook-signature": signer.sign(row.id, sentAt, body),
      };
      status = await send(row.url, headers, body, options.timeoutMs ?? 15_000);
    } catch (cause) {
      const refused = cause instanceof Error && cause.message.startsWith("refused:");
      error = refused ? "refused: internal address" : cause instanceof Error ? cause.name : "error";
    }

    if (status !== null && status >= 200 && status < 300) {
      await db
        .update(merchantWebhookOutbox)
        .set({ deliveredAt: new Date(), lastStatus: status, lastError: null, leaseUntil: null })
        .where(eq(merchantWebhookOutbox.id, row.id));
      result.delivered += 1;
      metrics.outboxAttempts.inc({ result: "delivered" });
      continue;
    }
    const delay = delays[row.attempts - 1];
    const dead = delay === undefined;
    await db
      .update(merchantWebhookOutbox)
      .set({
        lastStatus: status,
        lastError: error ?? `HTTP ${status}`,
        leaseUntil: null,
        ...(dead ? { deadAt: new Date() } : { nextAttemptAt: new Date(now.getTime() + delay * 1000) }),
      })
      .where(eq(merchantWebhookOutbox.id, row.id));
    metrics.outboxAttempts.inc({ result: dead ? "dead" : "retrying" });
    if (dead) {
      result.dead += 1;
      log.error("merchant webhook gave up", { messageId: row.id, attempts: row.attempts, status, error });
    } else {
      result.retrying += 1;
      log.warn("merchant webhook will be retried", {
        messageId: row.id,
        attempt: row.attempts,
        status,
        error,
      });
    }
  }
  return result;
}

/** Claimed but not attempted: back to the queue as they were, for any instance's next round. */
async function releaseOutboxLeases(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update ${merchantWebhookOutbox} set lease_until = null, attempts = greatest(attempts - 1, 0)
    where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})
  `);
}

/** The per-instance delivery loop; returns a stop function that waits for the round in progress. */
export function startMerchantWebhookWorker(
  getDb: () => Promise<Db>,
  secret: string,
  intervalMs = 1_000,
): () => Promise<void> {
  let stopping = false;
  const stop = startLoop(
    "merchant webhook worker",
    async () => {
      await deliverDueMerchantWebhooks(await getDb(), { secret, stopping: () => stopping });
    },
    intervalMs,
  );
  return () => {
    stopping = true;
    return stop();
  };
}
