import "server-only";
import { and, desc, eq, gt, gte, lt, lte, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/server/db/client";
import { checkoutSessions } from "@/lib/server/db/schema";
import { parseStrictQuery } from "@/lib/server/http/strict-query";
import { decodeCursor, encodeCursor } from "@/lib/server/payments/list-payments";
import { checkoutSessionJson } from "@/lib/server/wire/checkout-session-json";
import type { CheckoutSessionList } from "@/lib/api-contract";

const time = (what: string) =>
  z.iso
    .datetime({ offset: true, error: `Give ${what} as an ISO 8601 time, e.g. 2026-12-01T00:00:00Z.` })
    .transform((v) => new Date(v));

export const listCheckoutSessionsQuerySchema = z.object({
  status: z.enum(["open", "completed", "expired"]).optional(),
  created_from: time("created_from").optional().meta({ description: "Inclusive" }),
  created_to: time("created_to").optional().meta({ description: "Exclusive" }),
  reference: z.string().max(40).optional(),
  client_reference_id: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export type ListCheckoutSessionsQuery = z.output<typeof listCheckoutSessionsQuerySchema>;

export function parseListCheckoutSessionsQuery(searchParams: URLSearchParams): ListCheckoutSessionsQuery {
  return parseStrictQuery(listCheckoutSessionsQuerySchema, searchParams);
}

/** The shop's own sessions (made with the merchant key), newest first; registers' links are not listed. */
export async function listCheckoutSessions(
  db: Db,
  query: ListCheckoutSessionsQuery,
  now = new Date(),
): Promise<CheckoutSessionList> {
  const s = checkoutSessions;
  const conditions: SQL[] = [eq(s.createdBy, "merchant")];
  // A session past expires_at reads as expired before the sweep has stored it (checkout-session-json.ts).
  if (query.status === "open") conditions.push(eq(s.status, "open"), gt(s.expiresAt, now));
  if (query.status === "completed") conditions.push(eq(s.status, "completed"));
  if (query.status === "expired") {
    conditions.push(or(eq(s.status, "expired"), and(eq(s.status, "open"), lte(s.expiresAt, now)))!);
  }
  if (query.created_from) conditions.push(gte(s.createdAt, query.created_from));
  if (query.created_to) conditions.push(lt(s.createdAt, query.created_to));
  if (query.reference) conditions.push(eq(s.reference, query.reference));
  if (query.client_reference_id) conditions.push(eq(s.clientReferenceId, query.client_reference_id));
  if (query.cursor) {
    const { createdAt, id } = decodeCursor(query.cursor);
    conditions.push(or(lt(s.createdAt, createdAt), and(eq(s.createdAt, createdAt), lt(s.id, id)))!);
  }
  const rows = await db
    .select()
    .from(s)
    .where(and(...conditions))
    .orderBy(desc(s.createdAt), desc(s.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => checkoutSessionJson(row)),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
