import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { checkoutSessions, payments, type CheckoutSessionRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { paymentJson } from "@/lib/server/wire/payment-json";

const ID = /^cs_[A-Za-z0-9_-]{10,64}$/;

export async function loadCheckoutSession(db: Db, id: string): Promise<CheckoutSessionRow> {
  if (!ID.test(id)) throw new ApiError("NOT_FOUND", "No such checkout session.");
  const [row] = await db.select().from(checkoutSessions).where(eq(checkoutSessions.id, id));
  if (!row) throw new ApiError("NOT_FOUND", "No such checkout session.");
  return row;
}

export async function sessionPayments(db: Db, id: string) {
  const rows = await db
    .select()
    .from(payments)
    .where(eq(payments.checkoutSessionId, id))
    .orderBy(desc(payments.createdAt));
  return rows.map(paymentJson);
}
