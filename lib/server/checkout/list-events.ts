import "server-only";
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/server/db/client";
import { merchantEvents } from "@/lib/server/db/schema";
import { parseStrictQuery } from "@/lib/server/http/strict-query";
import { decodeCursor, encodeCursor } from "@/lib/server/payments/list-payments";
import { MERCHANT_EVENT_TYPES, merchantEventSchema, type MerchantEvent } from "@/lib/api-contract";
import { EVENT_RETENTION_DAYS } from "./expire-sessions";

// GET /api/events: what the webhooks said over the last 30 days, newest first, so a shop whose endpoint
// was down can catch up (docs/api.md#events). The stored payload is the very body that was signed.

export const listEventsQuerySchema = z.object({
  type: z.enum(MERCHANT_EVENT_TYPES).optional(),
  checkout_session: z.string().max(80).optional().meta({ description: "Only this session's events (cs_…)" }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export type ListEventsQuery = z.output<typeof listEventsQuerySchema>;

export function parseListEventsQuery(searchParams: URLSearchParams): ListEventsQuery {
  return parseStrictQuery(listEventsQuerySchema, searchParams);
}

export async function listEvents(
  db: Db,
  query: ListEventsQuery,
  now = new Date(),
): Promise<{ data: MerchantEvent[]; next_cursor: string | null }> {
  const e = merchantEvents;
  const conditions: SQL[] = [gte(e.createdAt, new Date(now.getTime() - EVENT_RETENTION_DAYS * 86_400_000))];
  if (query.type) conditions.push(eq(e.type, query.type));
  if (query.checkout_session) conditions.push(eq(e.checkoutSessionId, query.checkout_session));
  if (query.cursor) {
    const { createdAt, id } = decodeCursor(query.cursor);
    conditions.push(or(lt(e.createdAt, createdAt), and(eq(e.createdAt, createdAt), lt(e.id, id)))!);
  }
  const rows = await db
    .select()
    .from(e)
    .where(and(...conditions))
    .orderBy(desc(e.createdAt), desc(e.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => merchantEventSchema.parse(row.payload)),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
