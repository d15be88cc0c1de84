import "server-only";
import { and, eq } from "drizzle-orm";
import type { FiscalReceipt } from "@/lib/fiscal-receipt";
import { parseAmount } from "@/lib/money";
import type { DbTx } from "@/lib/server/db/client";
import { fiscalDocuments } from "@/lib/server/db/schema";
import { TAX_LETTERS } from "./receipt-lines";
import { emptyDay, PAYMENT_TYPES, type DaySummary } from "./zreport-xml";

// A day's Z report sums that day's receipts as they were issued (their stored block), so the report always
// matches what TRA received, cent for cent.

const cents = (amount: string) => parseAmount(amount, "TZS");

export async function summariseDay(tx: DbTx, registrationId: string, znum: string, grossBefore: number) {
  const rows = await tx
    .select({ data: fiscalDocuments.data, totalMinor: fiscalDocuments.totalMinor })
    .from(fiscalDocuments)
    .where(
      and(
        eq(fiscalDocuments.registrationId, registrationId),
        eq(fiscalDocuments.kind, "receipt"),
        eq(fiscalDocuments.znum, znum),
      ),
    );
  const day: DaySummary = emptyDay(znum);
  for (const row of rows) {
    const block = row.data as unknown as FiscalReceipt;
    day.receipts += 1;
    day.totalMinor += row.totalMinor;
    for (const group of block.vat) {
      const letter = TAX_LETTERS.find((l) => l === group.rate);
      if (!letter) continue;
      day.vat[letter].netMinor += cents(group.net);
      day.vat[letter].taxMinor += cents(group.tax);
    }
    for (const pay of block.payments) {
      const type = PAYMENT_TYPES.find((t) => t === pay.type);
      if (type) day.payments[type] += cents(pay.amount);
    }
  }
  day.grossMinor = grossBefore + day.totalMinor;
  return day;
}
