import "server-only";
import { and, asc, count, desc, eq, lt } from "drizzle-orm";
import {
  fiscalOverviewSchema,
  fiscalReceiptSchema,
  type FiscalOverview,
  type FiscalReceipt,
} from "@/lib/fiscal-receipt";
import type { Db } from "@/lib/server/db/client";
import { fiscalDocuments, fiscalRegistrations } from "@/lib/server/db/schema";
import { log } from "@/lib/server/log";
import type { FiscalContext } from "./fiscal-context";

// What the screens read: a payment's fiscal block, and the back office's view of the device and its queue.

const STUCK_AFTER_MS = 10 * 60_000;

/** The fiscal block of a payment's receipt, or null while it has none (VFD off, or not yet allocated). */
export async function loadPaymentFiscal(db: Db, paymentId: string): Promise<FiscalReceipt | null> {
  const [doc] = await db
    .select({ data: fiscalDocuments.data, status: fiscalDocuments.status })
    .from(fiscalDocuments)
    .where(eq(fiscalDocuments.paymentId, paymentId));
  if (!doc) return null;
  const parsed = fiscalReceiptSchema.safeParse({ ...doc.data, status: doc.status });
  return parsed.success ? parsed.data : null;
}

export async function fiscalOverview(db: Db): Promise<FiscalOverview> {
  const [reg] = await db
    .select()
    .from(fiscalRegistrations)
    .orderBy(desc(fiscalRegistrations.createdAt))
    .limit(1);
  if (!reg)
    return { registration: null, counts: { pending: 0, acknowledged: 0, rejected: 0 }, documents: [] };
  const tallies = await db
    .select({ status: fiscalDocuments.status, n: count() })
    .from(fiscalDocuments)
    .where(eq(fiscalDocuments.registrationId, reg.id))
    .groupBy(fiscalDocuments.status);
  const counts = { pending: 0, acknowledged: 0, rejected: 0 };
  for (const t of tallies) if (t.status in counts) counts[t.status as keyof typeof counts] = Number(t.n);
  const docs = await db
    .select()
    .from(fiscalDocuments)
    .where(eq(fiscalDocuments.registrationId, reg.id))
    .orderBy(desc(fiscalDocuments.seq))
    .limit(50);
  return fiscalOverviewSchema.parse({
    registration: {
      tin: reg.tin,
      vrn: reg.vrn,
      serial: reg.serial,
      uin: reg.uin,
      name: reg.name,
      tax_office: reg.taxOffice,
      receipt_code: reg.receiptCode,
      registered_on: reg.registeredOn,
      next_gc: reg.nextGc,
    },
    counts,
    documents: docs.map((d) => ({
      kind: d.kind,
      gc: d.gc,
      znum: d.znum,
      date: d.issuedDate,
      time: d.issuedTime,
      payment_id: d.paymentId,
      status: d.status,
      attempts: d.attempts,
      ack_code: d.lastAckCode,
      ack_message: d.lastAckMsg,
      error: d.lastError,
    })),
  });
}

let lastWarnedAt = 0;

/** A queue whose head has waited more than ten minutes is a warning in the log (at most every 5 minutes). */
export async function warnIfStuck(db: Db, ctx: FiscalContext): Promise<void> {
  if (Date.now() - lastWarnedAt < 5 * 60_000) return;
  const [head] = await db
    .select({ seq: fiscalDocuments.seq, gc: fiscalDocuments.gc, createdAt: fiscalDocuments.createdAt })
    .from(fiscalDocuments)
    .where(
      and(
        eq(fiscalDocuments.status, "pending"),
        lt(fiscalDocuments.createdAt, new Date(ctx.now().getTime() - STUCK_AFTER_MS)),
      ),
    )
    .orderBy(asc(fiscalDocuments.seq))
    .limit(1);
  if (!head) return;
  lastWarnedAt = Date.now();
  log.warn("fiscal queue stuck: TRA has not acknowledged the oldest receipt for over 10 minutes", {
    gc: head.gc,
    since: head.createdAt.toISOString(),
  });
}
