import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { payments, type PaymentRow } from "@/lib/server/db/schema";

// One live attempt per checkout session is the database's rule (the partial unique index
// payments_one_live_per_session_uq): the "is one live already?" read alone cannot stop two shoppers'
// requests racing past it. The loser of that race gets the winner's attempt, as a reopened link does.

const LIVE_INDEX = "payments_one_live_per_session_uq";

export async function liveAttempt(db: Db, sessionId: string): Promise<PaymentRow | undefined> {
  const [live] = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.checkoutSessionId, sessionId),
        inArray(payments.status, ["creating", "pending", "processing"]),
      ),
    )
    .limit(1);
  return live;
}

/** node-postgres and PGlite both report the violated index; drizzle may wrap the error once. */
export function isLiveAttemptConflict(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 3; depth += 1) {
    const candidate = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === "23505" && candidate.constraint === LIVE_INDEX) return true;
    e = candidate.cause;
  }
  return false;
}
