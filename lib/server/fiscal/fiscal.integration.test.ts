import { createPublicKey, verify } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { fiscalDocuments } from "@/lib/server/db/schema";
import { testStores } from "@/test/databases";
import { checkoutSale, completedSales, startFiscalHarness, type FiscalHarness } from "@/test/fiscal-harness";
import { allocateFiscalDocuments } from "./allocate";
import { fiscalOverview, loadPaymentFiscal } from "./fiscal-status";
import { registerDevice } from "./registration";
import { drainFiscalQueue } from "./send-queue";

// 23:30 EAT on 10 March 2026 (20:30 UTC); the device registers then.
const START = new Date("2026-03-10T20:30:00Z");
const at = (iso: string) => new Date(iso);

function innerOf(body: string): string {
  return /<EFDMS>(<(RCT|ZREPORT)>.*<\/\2>)<EFDMSSIGNATURE>/s.exec(body)![1]!;
}

describe.each(testStores())("fiscal receipts on $name", (store) => {
  let h: FiscalHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function documents() {
    return h!.database.db.select().from(fiscalDocuments).orderBy(asc(fiscalDocuments.seq));
  }

  it(
    "200 sales over every method and two registers → 200 acknowledged receipts, GC 1…200, DC restarting at midnight EAT, Z reports",
    { timeout: 180_000 },
    async () => {
      h = await startFiscalHarness(store, START);
      const { database, ctx, clock, sandbox } = h;
      const reg = await registerDevice(database.db, ctx);
      expect(reg.startGc).toBe(1);

      // 100 sales before midnight EAT, 100 after.
      await completedSales(database, 1, 100, at("2026-03-10T20:40:00Z"));
      clock.at = at("2026-03-10T20:55:00Z"); // 23:55 EAT
      expect(await allocateFiscalDocuments(database.db, ctx)).toEqual({ receipts: 100, zreports: 0 });
      await completedSales(database, 101, 100, at("2026-03-10T21:05:00Z"));
      clock.at = at("2026-03-10T21:10:00Z"); // 00:10 EAT on the 11th
      expect(await allocateFiscalDocuments(database.db, ctx)).toEqual({ receipts: 100, zreports: 1 });
      // Nothing is fiscalised twice.
      expect(await allocateFiscalDocuments(database.db, ctx)).toEqual({ receipts: 0, zreports: 0 });

      const drained = await drainFiscalQueue(database.db, ctx);
      expect(drained).toEqual({ acknowledged: 201, rejected: 0 });

      const docs = await documents();
      const receipts = docs.filter((d) => d.kind === "receipt");
      expect(receipts.map((d) => d.gc)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(receipts.every((d) => d.status === "acknowledged")).toBe(true);
      expect(receipts.slice(0, 100).map((d) => d.dc)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(receipts.slice(100).map((d) => d.dc)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(new Set(receipts.slice(0, 100).map((d) => d.znum))).toEqual(new Set(["20260310"]));
      expect(new Set(receipts.slice(100).map((d) => d.znum))).toEqual(new Set(["20260311"]));
      // The Z report of the 10th sits between its day's last receipt and the next day's first.
      expect(docs[100]!.kind).toBe("zreport");
      expect(docs[100]!.znum).toBe("20260310");

      // The simulator accepted each one after verifying its signature with the registered certificate.
      const device = sandbox.tra.state().devices[0]!;
      expect(device.ledger.receipts.map((r) => r.gc)).toEqual(receipts.map((d) => d.gc));
      expect(device.ledger.duplicates).toBe(0);
      expect(sandbox.tra.state().tokenRequests).toBe(1);
      expect(sandbox.tra.state().earlyTokenRequests).toBe(0);
      const publicKey = createPublicKey(h.key.certificatePem);
      for (const doc of docs) {
        const [, inner, , signature] =
          /<EFDMS>(<(RCT|ZREPORT)>.*<\/\2>)<EFDMSSIGNATURE>(.*)<\/EFDMSSIGNATURE>/s.exec(doc.body)!;
        expect(verify("sha1", Buffer.from(inner!), publicKey, Buffer.from(signature!, "base64"))).toBe(true);
      }
      // Payment types: cash → CASH, card → CCARD, the rest → EMONEY.
      const types = receipts.slice(0, 5).map((d) => /<PMTTYPE>(\w+)</.exec(d.body)![1]);
      expect(types).toEqual(["CCARD", "EMONEY", "EMONEY", "EMONEY", "CASH"]);

      // Z reports: the 11th with sales, the 12th without; totals equal the day's sales.
      clock.at = at("2026-03-12T21:30:00Z"); // 00:30 EAT on the 13th
      expect(await allocateFiscalDocuments(database.db, ctx)).toEqual({ receipts: 0, zreports: 2 });
      expect(await drainFiscalQueue(database.db, ctx)).toEqual({ acknowledged: 2, rejected: 0 });
      const zs = device.ledger.zreports;
      expect(zs.map((z) => z.znum)).toEqual(["20260310", "20260311", "20260312"]);
      const daySales = (from: number) =>
        Array.from({ length: 100 }, (_, i) => 100_000 + (from + i) * 1_250).reduce((a, b) => a + b, 0);
      expect(zs[0]!.dailyCents).toBe(daySales(1));
      expect(zs[1]!.dailyCents).toBe(daySales(101));
      expect(zs[2]!.dailyCents).toBe(0);
      expect(zs[2]!.grossCents).toBe(daySales(1) + daySales(101));
      expect(innerOf((await documents()).at(-1)!.body)).toContain("<TICKETSFISCAL>0</TICKETSFISCAL>");

      // The fiscal block of one sale, with its verification link.
      const block = await loadPaymentFiscal(database.db, "pay_fiscal_0001");
      expect(block).toMatchObject({
        status: "acknowledged",
        receipt_number: 1,
        z_number: "20260310",
        daily_counter: 1,
      });
      expect(block!.verification_url).toBe(
        `${ctx.vfd.verifyUrl}/${block!.verification_code}_${block!.time.replace(/:/g, "")}`,
      );
      const page = await fetch(block!.verification_url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(block!.verification_code);
    },
  );

  it(
    "keeps selling while TRA is down and drains the queue in GC order with the original bytes",
    { timeout: 180_000 },
    async () => {
      h = await startFiscalHarness(store, START);
      const { database, ctx, sandbox } = h;
      await registerDevice(database.db, ctx);
      await completedSales(database, 1, 6, at("2026-03-10T20:40:00Z"));
      await checkoutSale(database, "pay_checkout_1", at("2026-03-10T20:41:00Z"));
      h.clock.at = at("2026-03-10T20:45:00Z");
      await allocateFiscalDocuments(database.db, ctx);
      const before = await documents();
      expect(before).toHaveLength(7);
      expect(before[6]!.body).toContain("<DESC>Soda 500ml &amp; &lt;chips&gt;</DESC>");

      for (const fault of ["down", "500", "timeout"] as const) {
        sandbox.tra.updateSettings({ fault, faultCount: null });
        const stalled = await drainFiscalQueue(database.db, ctx);
        expect(stalled.acknowledged).toBe(0);
      }
      // The answer to the first receipt is lost after TRA stored it; a non-zero ACKCODE on the resend.
      sandbox.tra.updateSettings({ fault: "drop-after-store", faultCount: 1 });
      expect((await drainFiscalQueue(database.db, ctx)).acknowledged).toBe(0);
      sandbox.tra.updateSettings({ fault: "ack", faultCount: 1 });
      expect((await drainFiscalQueue(database.db, ctx)).acknowledged).toBe(0);
      expect((await documents())[0]).toMatchObject({ status: "pending", lastAckCode: 9, rejections: 1 });

      expect(await drainFiscalQueue(database.db, ctx)).toEqual({ acknowledged: 7, rejected: 0 });
      const after = await documents();
      expect(after.map((d) => d.body)).toEqual(before.map((d) => d.body));
      const ledger = sandbox.tra.state().devices[0]!.ledger;
      expect(ledger.receipts.map((r) => r.gc)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(ledger.receipts.map((r) => r.inner)).toEqual(before.map((d) => innerOf(d.body)));
      expect(ledger.duplicates).toBe(1); // the resend after the lost answer, not counted twice
    },
  );

  it(
    "refuses a registration for another TIN or a foreign certificate; a receipt signed with the wrong key is rejected and shown with TRA's code",
    { timeout: 180_000 },
    async () => {
      h = await startFiscalHarness(store, START);
      const { database, ctx } = h;
      await expect(
        registerDevice(database.db, { ...ctx, vfd: { ...ctx.vfd, tin: "999999999" } }),
      ).rejects.toThrow(/ACKCODE 3, invalid TIN/);
      await expect(registerDevice(database.db, { ...ctx, key: h.otherKey() })).rejects.toThrow(/ACKCODE 8/);

      await registerDevice(database.db, ctx);
      await completedSales(database, 1, 1, at("2026-03-10T20:40:00Z"));
      h.clock.at = at("2026-03-10T20:45:00Z");
      const wrong = { ...ctx, key: { ...h.otherKey(), certSerial: ctx.key.certSerial }, maxRejections: 2 };
      await allocateFiscalDocuments(database.db, wrong);
      expect(await drainFiscalQueue(database.db, wrong)).toMatchObject({
        acknowledged: 0,
        stopped: "ACKCODE 1",
      });
      expect(await drainFiscalQueue(database.db, wrong)).toEqual({ acknowledged: 0, rejected: 1 });
      const overview = await fiscalOverview(database.db);
      expect(overview.counts).toEqual({ pending: 0, acknowledged: 0, rejected: 1 });
      expect(overview.documents[0]).toMatchObject({ status: "rejected", ack_code: 1, gc: 1 });
      const [doc] = await database.db.select().from(fiscalDocuments).where(eq(fiscalDocuments.gc, 1));
      expect(doc!.lastAckMsg).toBe("Invalid Signature");
    },
  );
});
