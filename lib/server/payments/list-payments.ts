import "server-only";
import { and, desc, eq, gte, inArray, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/server/db/client";
import { payments } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { CURRENCIES, parseAmount } from "@/lib/money";
import { eatDayRange, isoDateSchema } from "@/lib/eat-day";
import { CHANNELS, networksOf, type Channel } from "@/lib/payment-channel";
import { PAYMENT_STATUSES } from "@/lib/payment-status";
import { SALE_METHODS } from "@/lib/payment-methods";
import { NETWORKS } from "@/lib/phone";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { scopeCondition } from "./payment-scope";

// GET /api/payments: the history. Search by reference, the last digits of the customer's phone or the
// amount, and filter by Dar es Salaam dates, status, method, channel, staff member and register, newest
// first with a cursor. Every condition has an index to use at 100,000 payments (migration
// "history_search"; the plan is checked in history-search.integration.test.ts).

export const listPaymentsQuerySchema = z.object({
  q: z.string().trim().max(64).optional().describe("Reference, last digits of the phone, or amount"),
  reference: z.string().trim().min(1).max(64).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\d{3,15}$/, "Give 3 to 15 digits: the end of the customer's number.")
    .optional(),
  amount: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, "Give the amount as a number like 5000 or 12.50.")
    .optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  method: z.enum(SALE_METHODS).optional(),
  channel: z.enum(CHANNELS).optional(),
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

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Reference starts with (any case): lower(reference) text_pattern_ops index. */
function referenceMatches(text: string): SQL {
  return sql`lower(${payments.reference}) like ${likePrefix(text.toLowerCase())}`;
}

/** The phone ends with these digits: reverse(phone) text_pattern_ops index. */
function phoneEndsWith(digits: string): SQL {
  return sql`reverse(${payments.phone}) like ${likePrefix([...digits].reverse().join(""))}`;
}

/** The amount in any currency it can be written in (5000 is 5000 TZS or 5000 USD). */
function amountIs(major: string): SQL | undefined {
  const minors = new Set<number>();
  for (const currency of CURRENCIES) {
    try {
      minors.add(parseAmount(major, currency));
    } catch {
      // not an amount of this currency (too many decimals)
    }
  }
  return minors.size > 0 ? inArray(payments.amountMinor, [...minors]) : sql`false`;
}

function channelIs(channel: Channel): SQL {
  const byMethod: Partial<Record<Channel, string>> = {
    cash: "cash",
    tanqr: "tanqr",
    card: "card",
    "paygrid-qr": "dynamic-qr",
  };
  const method = byMethod[channel];
  if (method) return eq(payments.method, method);
  const mobile = eq(payments.method, "mobile");
  if (channel === "mobile-other") {
    return and(mobile, or(isNull(payments.network), notInArray(payments.network, [...NETWORKS])))!;
  }
  return and(mobile, inArray(payments.network, networksOf(channel)))!;
}

/** The WHERE of a history search, without the caller's scope (kept apart for other callers of the list). */
export function paymentSearchConditions(query: ListPaymentsQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.q) {
    const q = query.q;
    const options: (SQL | undefined)[] = [referenceMatches(q)];
    if (/^\d{3,15}$/.test(q)) options.push(phoneEndsWith(q));
    if (/^\d+(\.\d+)?$/.test(q)) options.push(amountIs(q));
    conditions.push(or(...options)!);
  }
  if (query.reference) conditions.push(referenceMatches(query.reference));
  if (query.phone) conditions.push(phoneEndsWith(query.phone));
  if (query.amount) conditions.push(amountIs(query.amount)!);
  if (query.from) conditions.push(gte(payments.createdAt, eatDayRange(query.from).from));
  if (query.to) conditions.push(lt(payments.createdAt, eatDayRange(query.to).to));
  if (query.register) conditions.push(eq(payments.registerId, query.register));
  if (query.staff) conditions.push(eq(payments.staffId, query.staff));
  if (query.status) conditions.push(eq(payments.status, query.status));
  if (query.method) conditions.push(eq(payments.method, query.method));
  if (query.channel) conditions.push(channelIs(query.channel));
  if (query.cursor) {
    const { createdAt, id } = decodeCursor(query.cursor);
    conditions.push(
      or(lt(payments.createdAt, createdAt), and(eq(payments.createdAt, createdAt), lt(payments.id, id)))!,
    );
  }
  return conditions;
}

/**
 * `scope` null: every payment (managers and the owner); else one owner scope (a cashier's register, which
 * includes the payment-link sales made there: payment-scope.ts). `only` narrows further (the merchant key's
 * checkout payments, lib/server/checkout/merchant-payments.ts).
 */
export async function listPayments(db: Db, scope: string | null, query: ListPaymentsQuery, only: SQL[] = []) {
  const rows = await paymentListQuery(db, scope, query, only);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(paymentJson),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/** The page's query, one row more than the page to know whether there is a next one (EXPLAINed in tests). */
export function paymentListQuery(db: Db, scope: string | null, query: ListPaymentsQuery, only: SQL[] = []) {
  const conditions = [...only, ...paymentSearchConditions(query)];
  if (scope) conditions.unshift(scopeCondition(scope));
  return db
    .select()
    .from(payments)
    .where(and(...conditions))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(query.limit + 1);
}
