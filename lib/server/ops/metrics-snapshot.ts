import "server-only";
import { timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { merchantWebhookOutbox, payments } from "@/lib/server/db/schema";
import { metrics } from "@/lib/server/metrics/registry";

// What /api/metrics reads from the database at scrape time (the same answer on every instance, so an
// alert takes max() over instances): reconciler lag and the merchant webhook outbox.

export async function refreshDatabaseGauges(db: Db): Promise<void> {
  const lag = (await db.execute(sql`
    select coalesce(extract(epoch from (now() - min(${payments.nextCheckAt}))), 0)::float as seconds
    from ${payments}
    where ${payments.status} in ('pending', 'processing') and ${payments.nextCheckAt} <= now()
  `)) as unknown as { rows: { seconds: number }[] };
  metrics.reconcilerLagSeconds.set(Math.max(0, Number(lag.rows[0]?.seconds ?? 0)));
  const outbox = (await db.execute(sql`
    select count(*) filter (where delivered_at is null and dead_at is null)::int as backlog,
           count(*) filter (where dead_at is not null)::int as dead
    from ${merchantWebhookOutbox}
  `)) as unknown as { rows: { backlog: number; dead: number }[] };
  metrics.outboxBacklog.set(Number(outbox.rows[0]?.backlog ?? 0));
  metrics.outboxDead.set(Number(outbox.rows[0]?.dead ?? 0));
}

/** `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time. */
export function metricsTokenMatches(header: string | null, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
