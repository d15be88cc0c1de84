import "server-only";
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/server/db/client";
import { payments } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { PAYMENT_STATUSES } from "@/lib/payment-status";
import { PAYMENT_METHODS } from "@/lib/payment-methods";
import { paymentJson } from "@/lib/server/wire/payment-json";

export const listPaymentsQuerySchema = z.object({
  status: z.enum(PAYMENT_STATUSES).optional(),
  method: z.enum(PAYMENT_METHODS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  register: z.string().max(60).optional(),
  staff: z.string().max(60).optional(),
});

// Cursor = the (created_at, id) of the last row seen: stable under inserts, unlike page numbers.
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new ApiError("VALIDATION_ERROR", "The cursor is not valid.", {
      fields: [{ path: "cursor", message: "use next_cursor from the previous page" }],
    });
  }
  return { createdAt, id };
}

export type ListPaymentsQuery = z.output<typeof listPaymentsQuerySchema>;

/** GET /api/payments's query string, parsed at the edge. */
export function parseListPaymentsQuery(searchParams: URLSearchParams): ListPaymentsQuery {
  return listPaymentsQuerySchema.parse(Object.fromEntries(searchParams));
}

/**
 * `scope` null: every payment (managers and the owner); else one owner scope (a cashier's register).
 * `only` narrows further (the merchant key's checkout payments, lib/server/checkout/merchant-payments.ts).
 */
export async function listPayments(db: Db, scope: string | null, query: ListPaymentsQuery, only: SQL[] = []) {
  const conditions: SQL[] = scope ? [eq(payments.ownerScope, scope), ...only] : [...only];
  if (query.register) conditions.push(eq(payments.registerId, query.register));
  if (query.staff) conditions.push(eq(payments.staffId, query.staff));
  if (query.status) conditions.push(eq(payments.status, query.status));
  if (query.method) conditions.push(eq(payments.method, query.method));
  if (query.cursor) {
    const { createdAt, id } = decodeCursor(query.cursor);
    conditions.push(
      or(lt(payments.createdAt, createdAt), and(eq(payments.createdAt, createdAt), lt(payments.id, id)))!,
    );
  }
  const rows = await db
    .select()
    .from(payments)
    .where(and(...conditions))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(paymentJson),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
