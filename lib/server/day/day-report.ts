import "server-only";
import { and, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/server/db/client";
import { payments, refunds } from "@/lib/server/db/schema";
import { dayReportSchema, type DayReport } from "@/lib/day-contract";
import { DAY_TIME_ZONE, eatDayRange, isoDateSchema } from "@/lib/eat-day";
import { periodPayments, periodRefunds } from "./period-rows";
import { salesSummary, type PeriodPayment } from "./sales-totals";

// The owner's day across registers (docs/api.md#the-merchants-day). A day is a calendar day in
// Africa/Dar_es_Salaam (lib/eat-day.ts). A payment belongs to the day its sale was made (created_at); a
// refund to the day it was made.

export const dayQuerySchema = z.object({
  date: isoDateSchema,
  register: z
    .string()
    .regex(/^reg_[A-Za-z0-9_-]{1,60}$/, "Use a register id (reg_…).")
    .optional(),
});
export type DayQuery = z.output<typeof dayQuerySchema>;

export function parseDayQuery(searchParams: URLSearchParams): DayQuery {
  return dayQuerySchema.parse(Object.fromEntries(searchParams));
}

export async function dayPayments(db: Db, query: DayQuery): Promise<PeriodPayment[]> {
  const { from, to } = eatDayRange(query.date);
  const conditions: SQL[] = [gte(payments.createdAt, from), lt(payments.createdAt, to)];
  if (query.register) conditions.push(eq(payments.registerId, query.register));
  return periodPayments(db, and(...conditions)!);
}

export async function dayReport(db: Db, query: DayQuery): Promise<DayReport> {
  const { from, to } = eatDayRange(query.date);
  const refundWhere: SQL[] = [gte(refunds.createdAt, from), lt(refunds.createdAt, to)];
  if (query.register) {
    // A refund belongs to the register it was made at; one made with the merchant key, to its sale's.
    refundWhere.push(
      or(
        eq(refunds.registerId, query.register),
        and(sql`${refunds.registerId} is null`, eq(payments.registerId, query.register)),
      )!,
    );
  }
  const [sold, givenBack] = await Promise.all([
    dayPayments(db, query),
    periodRefunds(db, and(...refundWhere)),
  ]);
  return dayReportSchema.parse({
    date: query.date,
    time_zone: DAY_TIME_ZONE,
    from: from.toISOString(),
    to: to.toISOString(),
    register_id: query.register ?? null,
    generated_at: new Date().toISOString(),
    ...salesSummary(sold, givenBack),
  });
}
