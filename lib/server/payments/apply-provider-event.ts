import "server-only";
import { eq } from "drizzle-orm";
import type { Db, DbTx } from "@/lib/server/db/client";
import { payments, providerEventReceipts, type PaymentRow } from "@/lib/server/db/schema";
import { getEnv } from "@/lib/server/env";
import { canTransition, isTerminal, type PaymentStatus } from "@/lib/payment-status";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { asAmountMismatch } from "./amount-mismatch";
import type { ReportedFees } from "@/lib/server/providers/adapter";
import { checkReportedAmount, type ReportedMoney } from "./amount-check";
import { feeColumns } from "./fees";
import { runPaymentChangedListeners } from "./payment-listeners";
import { presentOnly, writeTransition } from "./write-transition";

// The one path by which a payment's status changes — webhook, poll, API answer or our own deadline logic.
// In one transaction: dedupe the provider event, lock the row, apply the transition forward-only, append
// to the event log, run the registered listeners (payment-listeners.ts), notify. The notify carries the id only (the database is the truth).

export type EventSource = "api" | "webhook" | "poll" | "system";

export interface ProviderEvent {
  paymentId: string;
  status: PaymentStatus;
  source: EventSource;
  /** Provider-specific dedupe key (PayGrid event_id; SplashPay reference+status). */
  dedupe?: { provider: string; key: string };
  providerEventId?: string;
  providerPaymentId?: string | null;
  providerReference?: string | null;
  /** When the provider says the event happened; decides paid_after_expiry. Defaults to now. */
  occurredAt?: Date;
  failure?: { code: string; message: string };
  /** The amount and currency the provider reported; a completion must carry them (amount-check.ts). */
  money?: ReportedMoney;
  /** The provider's fee and net (SplashPay), kept on the payment when readable. */
  fees?: ReportedFees;
  /** Fields the provider told us at creation (QR, link…), stored with the first transition. */
  patch?: Partial<
    Pick<
      PaymentRow,
      | "qrCode"
      | "qrImage"
      | "paymentUrl"
      | "phone"
      | "network"
      | "qrMismatch"
      | "amountMismatch"
      | "supersededAt"
    >
  >;
  detail?: Record<string, unknown>;
}

export interface ApplyResult {
  outcome: "applied" | "duplicate" | "stale" | "not_found";
  payment?: PaymentRow;
}

export async function applyProviderEvent(db: Db, reported: ProviderEvent): Promise<ApplyResult> {
  return db.transaction((tx) => applyProviderEventIn(tx, reported));
}

/**
 * The apply itself, inside a transaction the caller owns and commits (applyProviderEvent's own, or a group
 * commit's, group-commit.ts). Nothing it does is visible, notified or acknowledged before that commit.
 */
export async function applyProviderEventIn(tx: DbTx, reported: ProviderEvent): Promise<ApplyResult> {
  let event = reported;
  if (event.dedupe) {
    const fresh = await tx
      .insert(providerEventReceipts)
      .values({ provider: event.dedupe.provider, eventKey: event.dedupe.key, paymentId: event.paymentId })
      .onConflictDoNothing()
      .returning({ key: providerEventReceipts.eventKey });
    if (fresh.length === 0) return { outcome: "duplicate" };
  }

  const [current] = await tx.select().from(payments).where(eq(payments.id, event.paymentId)).for("update");
  if (!current) return { outcome: "not_found" };
  // Drift never completes a payment, whichever path reported it.
  const verdict = checkReportedAmount(current, event.status, event.money);
  if (!verdict.ok) event = asAmountMismatch(current, event, verdict.reason);

  const from = current.status as PaymentStatus;
  const now = new Date();
  const identity = {
    ...(event.providerPaymentId && !current.providerPaymentId
      ? { providerPaymentId: event.providerPaymentId }
      : {}),
    ...(event.providerReference ? { providerReference: event.providerReference } : {}),
    ...event.patch,
    ...feeColumns(event.fees, current),
  };

  if (!canTransition(from, event.status, { superseded: current.supersededAt !== null })) {
    // Same status or a step backwards (a late "processing" after "completed"): keep what we know, but
    // still record identity fields a webhook may have brought before the create answer did.
    if (Object.keys(identity).length > 0) {
      await tx
        .update(payments)
        .set({ ...identity, updatedAt: now })
        .where(eq(payments.id, current.id));
    }
    return { outcome: "stale", payment: { ...current, ...identity } };
  }

  const occurredAt = event.occurredAt ?? now;
  const completing = event.status === "completed";
  // When the money landed decides, not the path: a completion that landed in time but arrived after our
  // deadline had already closed the payment is not late (only its news was).
  const paidAfterExpiry = completing && settledAfter(occurredAt, current.expiresAt, now);
  const changes = presentOnly({
    ...identity,
    status: event.status,
    updatedAt: now,
    ...(completing ? { completedAt: occurredAt, paidAfterExpiry } : {}),
    ...(event.failure ? { failureCode: event.failure.code, failureMessage: event.failure.message } : {}),
    // Open payments keep being checked; settled ones leave the reconciler's queue.
    nextCheckAt: isTerminal(event.status)
      ? null
      : new Date(now.getTime() + getEnv().timing.recheckSeconds * 1000),
    leaseUntil: null,
  });
  // The row as the update leaves it, merged here instead of read back: the event log's snapshot and the
  // listeners need it before the one statement that writes both (write-transition.ts).
  const updated: PaymentRow = { ...current, ...changes };
  await writeTransition(tx, current.id, from, changes, {
    paymentId: updated.id,
    status: event.status,
    previousStatus: from,
    source: event.source,
    providerEventId: event.providerEventId ?? null,
    detail: { payment: paymentJson(updated), ...event.detail },
  });
  await runPaymentChangedListeners(tx, updated);
  return { outcome: "applied", payment: updated };
}

/**
 * Did money land after our deadline? Providers stamp events to the whole second (PayGrid's
 * "2026-12-01T09:07:44Z"), so a stamp in the deadline's own second cannot say which side it fell on;
 * then our own clock at receipt decides.
 */
export function settledAfter(occurredAt: Date, deadline: Date, receivedAt: Date): boolean {
  const at = occurredAt.getTime();
  const due = deadline.getTime();
  if (at > due) return true;
  const wholeSecond = at % 1000 === 0;
  return wholeSecond && at > due - 1000 && receivedAt.getTime() > due;
}
