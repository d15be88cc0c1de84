import "server-only";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { FiscalReceipt } from "@/lib/fiscal-receipt";
import type { DbTx } from "@/lib/server/db/client";
import type { Db } from "@/lib/server/db/client";
import {
  checkoutSessions,
  fiscalDocuments,
  fiscalRegistrations,
  payments,
  type FiscalRegistrationRow,
} from "@/lib/server/db/schema";
import { log } from "@/lib/server/log";
import { eatStamp, nextZnum, previousZnum } from "./fiscal-format";
import type { FiscalContext } from "./fiscal-context";
import { paymentType, saleLines, vatGroups } from "./receipt-lines";
import { receiptBlock, receiptXml } from "./receipt-xml";
import { signedEnvelope } from "./signing-key";
import { summariseDay } from "./day-summary";
import { zreportXml } from "./zreport-xml";

// Turns completed payments into signed receipts, and closed days into Z reports, under the registration's
// row lock: GC rises by one per receipt with no gap and no reuse whichever instance allocates, DC restarts
// on each new day (EAT), and a day's Z report is queued after that day's last receipt and before the next
// day's first one. A payment gets at most one receipt (unique index), so a retry never fiscalises twice.

export interface AllocationResult {
  receipts: number;
  zreports: number;
}

const BATCH = 100;

export async function allocateFiscalDocuments(db: Db, ctx: FiscalContext): Promise<AllocationResult> {
  return db.transaction(async (tx) => {
    const [reg] = await tx
      .select()
      .from(fiscalRegistrations)
      .where(and(eq(fiscalRegistrations.tin, ctx.vfd.tin), eq(fiscalRegistrations.certKey, ctx.vfd.certKey)))
      .for("update");
    if (!reg) return { receipts: 0, zreports: 0 };
    const stamp = eatStamp(ctx.now());
    if (reg.lastZnum && stamp.znum < reg.lastZnum) {
      // TRA refuses a receipt dated before the previous one: wait for the clock rather than send one.
      log.error("fiscal clock is behind the last receipt; not issuing", { lastZnum: reg.lastZnum });
      return { receipts: 0, zreports: 0 };
    }
    const state = {
      nextGc: reg.nextGc,
      lastZnum: reg.lastZnum,
      lastDc: reg.lastDc,
      lastZDay: reg.lastZDay ?? previousZnum(reg.registeredOn.replace(/-/g, "")),
      gross: reg.grossMinor,
    };

    let zreports = 0;
    for (let day = nextZnum(state.lastZDay); day < stamp.znum && zreports < 400; day = nextZnum(day)) {
      const summary = await summariseDay(tx, reg.id, day, state.gross);
      const body = signedEnvelope(zreportXml(reg, summary), ctx.key.privateKey);
      await tx.insert(fiscalDocuments).values({
        registrationId: reg.id,
        kind: "zreport",
        znum: day,
        issuedDate: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`,
        issuedTime: "23:59:59",
        totalMinor: summary.totalMinor,
        data: { receipts: summary.receipts, gross_minor: summary.grossMinor },
        body,
        status: "pending",
        nextAttemptAt: ctx.now(),
      });
      state.gross = summary.grossMinor;
      state.lastZDay = day;
      zreports += 1;
    }

    const due = await duePayments(tx, reg);
    const receipts: (typeof fiscalDocuments.$inferInsert)[] = [];
    for (const payment of due) {
      const dc = state.lastZnum === stamp.znum ? state.lastDc + 1 : 1;
      const gc = state.nextGc;
      const lines = saleLines(payment, ctx.vfd.defaultTaxCode);
      const input = {
        registration: reg,
        stamp,
        gc,
        dc,
        customerName: [payment.customer.firstname, payment.customer.lastname].filter(Boolean).join(" "),
        mobile: /^(255\d{9}|0\d{9})$/.test(payment.phone) ? payment.phone : "",
        lines,
        groups: vatGroups(lines, (letter) => reg.taxCodes[letter] ?? "0"),
        payment: { type: paymentType(payment.provider, payment.method), amountMinor: payment.amountMinor },
        verifyUrl: ctx.vfd.verifyUrl,
      };
      const block: Omit<FiscalReceipt, "status"> = receiptBlock(input);
      receipts.push({
        registrationId: reg.id,
        kind: "receipt",
        paymentId: payment.id,
        gc,
        dc,
        znum: stamp.znum,
        rctvnum: block.verification_code,
        issuedDate: stamp.date,
        issuedTime: stamp.time,
        totalMinor: payment.amountMinor,
        data: block,
        body: signedEnvelope(receiptXml(input), ctx.key.privateKey),
        status: "pending",
        nextAttemptAt: ctx.now(),
      });
      state.nextGc = gc + 1;
      state.lastZnum = stamp.znum;
      state.lastDc = dc;
    }
    // One statement: its rows take their sequence numbers in GC order.
    if (receipts.length > 0) await tx.insert(fiscalDocuments).values(receipts);

    await tx
      .update(fiscalRegistrations)
      .set({
        nextGc: state.nextGc,
        lastZnum: state.lastZnum,
        lastDc: state.lastDc,
        lastZDay: state.lastZDay,
        grossMinor: state.gross,
        updatedAt: new Date(),
      })
      .where(eq(fiscalRegistrations.id, reg.id));
    return { receipts: due.length, zreports };
  });
}

/** Completed TZS payments since the device was registered that have no receipt yet, oldest first. */
async function duePayments(tx: DbTx, reg: FiscalRegistrationRow) {
  return tx
    .select({
      id: payments.id,
      provider: payments.provider,
      method: payments.method,
      amountMinor: payments.amountMinor,
      reference: payments.reference,
      customer: payments.customer,
      phone: payments.phone,
      lineItems: checkoutSessions.lineItems,
    })
    .from(payments)
    .leftJoin(checkoutSessions, eq(checkoutSessions.id, payments.checkoutSessionId))
    .where(
      and(
        eq(payments.status, "completed"),
        eq(payments.currency, "TZS"),
        gte(payments.completedAt, reg.createdAt),
        sql`not exists (select 1 from ${fiscalDocuments} f where f.payment_id = ${payments.id})`,
      ),
    )
    .orderBy(asc(payments.completedAt), asc(payments.id))
    .limit(BATCH);
}
