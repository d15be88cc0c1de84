import "server-only";
import type { Db } from "@/lib/server/db/client";
import { registers } from "@/lib/server/db/schema";
import { toMajorString, type Currency } from "@/lib/money";
import { paymentChannel } from "@/lib/payment-channel";
import { eatDateTime } from "@/lib/eat-day";
import { dayPayments, type DayQuery } from "./day-report";
import { countsAsMoney } from "./sales-totals";

// GET /api/reports/day.csv: one row per payment of the day, for a spreadsheet (RFC 4180: CRLF line ends,
// fields quoted when they hold a comma, quote or line break, quotes doubled). A UTF-8 byte-order mark
// makes Excel read the names as UTF-8, and text that a spreadsheet would run as a formula (= + - @) is
// prefixed with an apostrophe (OWASP "CSV injection"); amounts are plain decimals.

export const CSV_COLUMNS = [
  "created_at_eat",
  "payment_id",
  "reference",
  "status",
  "channel",
  "method",
  "provider",
  "currency",
  "amount",
  "refunded",
  "fee",
  "net",
  "tendered",
  "change_due",
  "counted",
  "paid_after_expiry",
  "amount_mismatch",
  "staff",
  "register",
  "shift_id",
  "provider_reference",
  "provider_payment_id",
  "checkout_session_id",
  "completed_at_eat",
] as const;

function eatTime(at: Date | null): string {
  return at ? eatDateTime(at) : "";
}

export function csvField(value: string | number | boolean | null | undefined, text = true): string {
  if (value === null || value === undefined) return "";
  let out = String(value);
  if (text && /^[=+\-@\t\r]/.test(out)) out = `'${out}`;
  return /[",\r\n]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}

export function csvLine(fields: string[]): string {
  return `${fields.join(",")}\r\n`;
}

export async function dayCsv(db: Db, query: DayQuery): Promise<string> {
  const [rows, names] = await Promise.all([
    dayPayments(db, query),
    db.select({ id: registers.id, name: registers.name }).from(registers),
  ]);
  const registerName = new Map(names.map((r) => [r.id, r.name]));
  let out = `\uFEFF${csvLine([...CSV_COLUMNS])}`;
  for (const p of rows.slice().reverse()) {
    const currency = p.currency as Currency;
    const major = (minor: number | null) => (minor === null ? "" : toMajorString(minor, currency));
    out += csvLine([
      csvField(eatTime(p.createdAt), false),
      csvField(p.id),
      csvField(p.reference),
      csvField(p.status),
      csvField(paymentChannel(p)),
      csvField(p.method),
      csvField(p.provider),
      csvField(p.currency),
      csvField(major(p.amountMinor), false),
      csvField(major(p.refundedMinor), false),
      csvField(major(p.feeMinor), false),
      csvField(major(p.netMinor), false),
      csvField(major(p.tenderedMinor), false),
      csvField(p.tenderedMinor === null ? "" : major(p.tenderedMinor - p.amountMinor), false),
      csvField(countsAsMoney(p) ? "yes" : "no"),
      csvField(p.paidAfterExpiry ? "yes" : "no"),
      csvField(p.amountMismatch ? "yes" : "no"),
      csvField(p.staffName),
      csvField(p.registerId ? (registerName.get(p.registerId) ?? p.registerId) : ""),
      csvField(p.shiftId),
      csvField(p.providerReference),
      csvField(p.providerPaymentId),
      csvField(p.checkoutSessionId),
      csvField(eatTime(p.completedAt), false),
    ]);
  }
  return out;
}
