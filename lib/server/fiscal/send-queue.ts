import "server-only";
import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import {
  fiscalDocuments,
  fiscalRegistrations,
  type FiscalDocumentRow,
  type FiscalRegistrationRow,
} from "@/lib/server/db/schema";
import { log } from "@/lib/server/log";
import { defaultBackoffSeconds, transportOf, type FiscalContext } from "./fiscal-context";
import { fetchToken, postDocument } from "./vfd-client";

// Posts a device's pending documents to TRA one at a time, strictly in order (receipts by GC, each day's Z
// report after its receipts). One instance holds the device's send lease. A document is resent with its
// original bytes after no answer, a 5xx or a non-zero ACKCODE, with backoff; only ACKCODE 0 acknowledges it.
// A document TRA keeps refusing is marked rejected with TRA's code (shown in the back office, logged as an
// error) so one bad receipt cannot hold every later one back forever.

export interface DrainResult {
  acknowledged: number;
  rejected: number;
  /** Why the drain stopped early, if it did. */
  stopped?: string;
}

const LEASE_MS = 60_000;
const MAX_PER_DRAIN = 500;
const DEFAULT_MAX_REJECTIONS = 5;

async function leaseDevice(db: Db, ctx: FiscalContext): Promise<FiscalRegistrationRow | undefined> {
  const [reg] = await db
    .update(fiscalRegistrations)
    .set({ sendLeaseUntil: new Date(Date.now() + LEASE_MS) })
    .where(
      and(
        eq(fiscalRegistrations.tin, ctx.vfd.tin),
        eq(fiscalRegistrations.certKey, ctx.vfd.certKey),
        or(isNull(fiscalRegistrations.sendLeaseUntil), lt(fiscalRegistrations.sendLeaseUntil, new Date())),
      ),
    )
    .returning();
  return reg;
}

/** A token valid for at least another minute, from the database (shared by instances) or fetched anew. */
async function validToken(
  db: Db,
  ctx: FiscalContext,
  reg: FiscalRegistrationRow,
): Promise<string | undefined> {
  const now = ctx.now().getTime();
  if (reg.token && reg.tokenExpiresAt && reg.tokenExpiresAt.getTime() > now + 60_000) return reg.token;
  const answer = await fetchToken(transportOf(ctx), reg.tokenPath, reg.username, reg.password);
  if ("error" in answer) {
    log.warn("fiscal token not available", { error: answer.error });
    return undefined;
  }
  const expiresAt = new Date(now + answer.expiresIn * 1000);
  await db
    .update(fiscalRegistrations)
    .set({ token: answer.token, tokenExpiresAt: expiresAt })
    .where(eq(fiscalRegistrations.id, reg.id));
  reg.token = answer.token;
  reg.tokenExpiresAt = expiresAt;
  return answer.token;
}

export async function drainFiscalQueue(db: Db, ctx: FiscalContext): Promise<DrainResult> {
  const reg = await leaseDevice(db, ctx);
  const result: DrainResult = { acknowledged: 0, rejected: 0 };
  if (!reg) return { ...result, stopped: "leased elsewhere" };
  const backoff = ctx.backoffSeconds ?? defaultBackoffSeconds;
  const maxRejections = ctx.maxRejections ?? DEFAULT_MAX_REJECTIONS;
  try {
    let batch: FiscalDocumentRow[] = [];
    for (let i = 0; i < MAX_PER_DRAIN; i++) {
      // Read the queue a batch at a time; only this lease holder changes it meanwhile.
      if (batch.length === 0) {
        batch = await db
          .select()
          .from(fiscalDocuments)
          .where(and(eq(fiscalDocuments.registrationId, reg.id), eq(fiscalDocuments.status, "pending")))
          .orderBy(asc(fiscalDocuments.seq))
          .limit(50);
      }
      const head = batch.shift();
      if (!head) return result;
      if (head.nextAttemptAt.getTime() > ctx.now().getTime()) return { ...result, stopped: "waiting" };
      const token = await validToken(db, ctx, reg);
      if (!token) return { ...result, stopped: "no token" };

      const outcome = await postDocument(
        transportOf(ctx),
        head.kind === "zreport" ? "zreport" : "receipt",
        reg.routingKey,
        token,
        head.body,
      );
      const attempts = head.attempts + 1;
      if (outcome.kind === "ack" && outcome.ackCode === 0) {
        await db
          .update(fiscalDocuments)
          .set({
            status: "acknowledged",
            attempts,
            lastAckCode: 0,
            lastAckMsg: outcome.ackMsg.slice(0, 200),
            lastError: null,
            acknowledgedAt: new Date(),
            updatedAt: new Date(),
          })
          .where(eq(fiscalDocuments.seq, head.seq));
        result.acknowledged += 1;
        continue;
      }
      const retryAt = new Date(ctx.now().getTime() + backoff(attempts) * 1000);
      if (outcome.kind === "unauthorized") {
        // The token expired or was revoked early: drop it and try again with a fresh one.
        await db
          .update(fiscalRegistrations)
          .set({ token: null, tokenExpiresAt: null })
          .where(eq(fiscalRegistrations.id, reg.id));
        reg.token = null;
        await db
          .update(fiscalDocuments)
          .set({ attempts, lastError: "HTTP 401", updatedAt: new Date() })
          .where(eq(fiscalDocuments.seq, head.seq));
        return { ...result, stopped: "unauthorized" };
      }
      if (outcome.kind === "no-answer") {
        await db
          .update(fiscalDocuments)
          .set({ attempts, lastError: outcome.error, nextAttemptAt: retryAt, updatedAt: new Date() })
          .where(eq(fiscalDocuments.seq, head.seq));
        return { ...result, stopped: outcome.error };
      }
      const rejections = head.rejections + 1;
      const giveUp = rejections >= maxRejections;
      await db
        .update(fiscalDocuments)
        .set({
          attempts,
          rejections,
          lastAckCode: outcome.ackCode,
          lastAckMsg: outcome.ackMsg.slice(0, 200),
          lastError: null,
          nextAttemptAt: retryAt,
          updatedAt: new Date(),
          ...(giveUp ? { status: "rejected" } : {}),
        })
        .where(eq(fiscalDocuments.seq, head.seq));
      if (!giveUp) return { ...result, stopped: `ACKCODE ${outcome.ackCode}` };
      result.rejected += 1;
      log.error("TRA rejected a fiscal document", {
        kind: head.kind,
        gc: head.gc,
        znum: head.znum,
        ackCode: outcome.ackCode,
        ackMsg: outcome.ackMsg.slice(0, 60),
      });
    }
    return result;
  } finally {
    await db
      .update(fiscalRegistrations)
      .set({ sendLeaseUntil: null })
      .where(eq(fiscalRegistrations.id, reg.id));
  }
}
