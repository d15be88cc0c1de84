import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { payments, type PaymentRow } from "@/lib/server/db/schema";
import { currentStaff } from "@/lib/server/auth/actor";
import { assertSameOrigin } from "@/lib/server/auth/cashier";
import { historyScope } from "@/lib/server/staff/attribution";
import { ApiError } from "@/lib/server/http/api-error";
import { requireWellFormedId } from "@/lib/server/http/path-id";
import { scopeCondition } from "./payment-scope";

const SESSION_ID = /^cs_[A-Za-z0-9_-]{10,64}$/;

/**
 * Whose payments the caller may see. A shopper proves nothing but the checkout link they hold: the
 * session id travels as `?session=cs_…` (EventSource cannot send headers) and opens only that session's
 * payments. Otherwise the caller must be signed in: a cashier sees their register's payments, managers and
 * the owner every payment (null).
 */
export async function requireViewerScope(request: Request): Promise<string | null> {
  const session = new URL(request.url).searchParams.get("session");
  if (session) {
    if (!SESSION_ID.test(session)) throw new ApiError("NOT_FOUND", "No such payment.");
    assertSameOrigin(request);
    return `checkout:${session}`;
  }
  const actor = await currentStaff(request);
  if (!actor) throw new ApiError("UNAUTHENTICATED", "Sign in to the register first.");
  assertSameOrigin(request);
  return historyScope(actor);
}

/** A payment the scope owns; every other payment is "not found" (its existence is not revealed). */
export async function loadOwnedPayment(db: Db, id: string, scope: string | null): Promise<PaymentRow> {
  requireWellFormedId(id, "pay", "No such payment.");
  const [row] = await db
    .select()
    .from(payments)
    .where(scope ? and(eq(payments.id, id), scopeCondition(scope)) : eq(payments.id, id));
  if (!row) throw new ApiError("NOT_FOUND", "No such payment.");
  return row;
}
