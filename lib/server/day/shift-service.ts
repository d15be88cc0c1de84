import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbTx } from "@/lib/server/db/client";
import { payments, refunds, registers, shifts, type ShiftRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { requireWellFormedId } from "@/lib/server/http/path-id";
import { zReportSchema, type Shift, type ZReport } from "@/lib/day-contract";
import { toMajorString, type Currency } from "@/lib/money";
import { periodPayments, periodRefunds } from "./period-rows";
import { expectedCash, salesSummary } from "./sales-totals";
import { countedCashMinor } from "./shift-schema";
import { signedMajor } from "./signed-major";

// Shifts (docs/api.md#the-merchants-day): a register opens one with a cash float and closes it with the
// cash counted; the close freezes its Z report, so a late payment never rewrites a closed shift's paper.
// Shifts are optional: a register without one still sells, and the day report covers it.

export interface ShiftPerson {
  staffId: string;
  staffName: string;
  registerId: string;
  /** Managers and the owner may read and close any register's shift; a cashier only their register's. */
  anyRegister: boolean;
}

export function newShiftId(): string {
  return `sh_${randomBytes(12).toString("base64url")}`;
}

export async function openShift(
  db: Db,
  by: ShiftPerson,
  command: { currency: Currency; openingFloatMinor: number },
): Promise<ShiftRow> {
  const [row] = await db
    .insert(shifts)
    .values({
      id: newShiftId(),
      registerId: by.registerId,
      openedBy: by.staffId,
      openedByName: by.staffName,
      currency: command.currency,
      openingFloatMinor: command.openingFloatMinor,
      openedAt: new Date(),
    })
    // The partial unique index allows one open shift per register: a second open is refused, not doubled.
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw new ApiError("SHIFT_ALREADY_OPEN", "This register already has an open shift. Close it first.");
  return row;
}

export async function currentShift(db: Db, registerId: string): Promise<ShiftRow | null> {
  const [row] = await db
    .select()
    .from(shifts)
    .where(and(eq(shifts.registerId, registerId), isNull(shifts.closedAt)))
    .orderBy(desc(shifts.openedAt))
    .limit(1);
  return row ?? null;
}

export async function loadShift(db: Db | DbTx, id: string, by: ShiftPerson, lock = false): Promise<ShiftRow> {
  requireWellFormedId(id, "sh", "No such shift.");
  const query = db.select().from(shifts).where(eq(shifts.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || (!by.anyRegister && row.registerId !== by.registerId)) {
    throw new ApiError("NOT_FOUND", "No such shift.");
  }
  return row;
}

/** Closes the shift with the counted cash and returns its frozen Z report; a closed shift answers 409. */
export async function closeShift(
  db: Db,
  id: string,
  by: ShiftPerson,
  command: { countedCash: string },
): Promise<ZReport> {
  return db.transaction(async (tx) => {
    const shift = await loadShift(tx, id, by, true);
    if (shift.closedAt) throw new ApiError("SHIFT_CLOSED", "This shift is already closed.");
    const closed: ShiftRow = {
      ...shift,
      closedAt: new Date(),
      closedBy: by.staffId,
      closedByName: by.staffName,
      countedCashMinor: countedCashMinor(command.countedCash, shift.currency as Currency),
    };
    const report = await buildZReport(tx, closed);
    await tx
      .update(shifts)
      .set({
        closedAt: closed.closedAt,
        closedBy: closed.closedBy,
        closedByName: closed.closedByName,
        countedCashMinor: closed.countedCashMinor,
        zReport: report,
      })
      .where(and(eq(shifts.id, id), isNull(shifts.closedAt)));
    return report;
  });
}

/** A closed shift's frozen report, or an open shift's report as of now. */
export async function shiftReport(db: Db, shift: ShiftRow): Promise<ZReport> {
  if (shift.zReport) return zReportSchema.parse(shift.zReport);
  return buildZReport(db, shift);
}

async function buildZReport(db: Db | DbTx, shift: ShiftRow): Promise<ZReport> {
  const [sold, givenBack, register] = await Promise.all([
    periodPayments(db, eq(payments.shiftId, shift.id)),
    periodRefunds(db, eq(refunds.shiftId, shift.id)),
    db.select({ name: registers.name }).from(registers).where(eq(registers.id, shift.registerId)),
  ]);
  const currency = shift.currency as Currency;
  const major = (minor: number) => signedMajor(minor, currency);
  const cash = expectedCash(shift.currency, shift.openingFloatMinor, sold, givenBack);
  const counted = shift.countedCashMinor;
  return zReportSchema.parse({
    shift: shiftJson(shift, register[0]?.name ?? null),
    cash: {
      currency: shift.currency,
      opening_float: major(shift.openingFloatMinor),
      cash_sales: major(cash.cashSales),
      cash_refunds: major(cash.cashRefunds),
      expected: major(cash.expected),
      counted: counted === null ? null : major(counted),
      difference: counted === null ? null : major(counted - cash.expected),
    },
    generated_at: new Date().toISOString(),
    ...salesSummary(sold, givenBack),
  });
}

export function shiftJson(row: ShiftRow, registerName: string | null): Shift {
  const currency = row.currency as Currency;
  return {
    id: row.id,
    register_id: row.registerId,
    register_name: registerName,
    currency: row.currency,
    opening_float: toMajorString(row.openingFloatMinor, currency),
    opened_at: row.openedAt.toISOString(),
    opened_by: { id: row.openedBy, name: row.openedByName },
    closed_at: row.closedAt?.toISOString() ?? null,
    closed_by: row.closedAt ? { id: row.closedBy, name: row.closedByName } : null,
    counted_cash: row.countedCashMinor === null ? null : toMajorString(row.countedCashMinor, currency),
    status: row.closedAt ? "closed" : "open",
  };
}
