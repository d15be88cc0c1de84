import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { paymentEvents, payments } from "@/lib/server/db/schema";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { testStores } from "@/test/databases";
import { pendingPaymentRow } from "@/test/payment-row";
import { applyProviderEvent, type ProviderEvent } from "./apply-provider-event";
import { writeTransition } from "./write-transition";

// A transition is written in one statement and the row it leaves is merged in memory, not read back
// (write-transition.ts). What the cashier's screen, the event log and the listeners see must be exactly
// what the database holds, and a transition that lost its row must leave nothing behind.

describe.each(testStores())("one-statement transitions on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, drop } = await store.open());
  });
  afterAll(async () => drop());

  const stored = async (id: string) => {
    const [row] = await database.db.select().from(payments).where(eq(payments.id, id));
    const [last] = await database.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, id))
      .orderBy(desc(paymentEvents.seq))
      .limit(1);
    return { row: row!, last: last! };
  };

  const steps: [string, ProviderEvent[]][] = [
    [
      "processing with identity fields, then completed with fees",
      [
        { paymentId: "", status: "processing", source: "webhook", providerReference: "MP-REF-1" },
        {
          paymentId: "",
          status: "completed",
          source: "webhook",
          occurredAt: new Date("2026-12-02T05:00:00.123Z"),
          money: { amount: 5000, currency: "TZS" },
          fees: { fee: "100.00", net: "4900.00" },
          detail: { note: "kept beside the snapshot" },
        },
      ],
    ],
    [
      "failed with a reason",
      [
        {
          paymentId: "",
          status: "failed",
          source: "poll",
          failure: { code: "INSUFFICIENT_FUNDS", message: "Not enough money" },
        },
      ],
    ],
    [
      "completed with the wrong amount (held as a mismatch, never paid)",
      [{ paymentId: "", status: "completed", source: "webhook", money: { amount: 4000, currency: "TZS" } }],
    ],
  ];

  it.each(steps)("%s: the answer, the stored row and the logged snapshot agree", async (name, events) => {
    const id = `pay_wt_${name.length}_${events.length}_${Math.random().toString(36).slice(2, 8)}`;
    await database.db.insert(payments).values(pendingPaymentRow(id));
    for (const event of events) {
      const result = await applyProviderEvent(database.db, { ...event, paymentId: id });
      expect(result.outcome).toBe("applied");
      const { row, last } = await stored(id);
      expect(result.payment).toEqual(row);
      expect(last.status).toBe(row.status);
      // The snapshot the streams send is the row as stored; what the path added beside it stays.
      expect(last.detail?.payment).toEqual(paymentJson(row));
      expect(last.detail).toMatchObject(event.detail ?? {});
    }
  });

  it("a transition whose row moved on throws and logs nothing", async () => {
    const id = "pay_wt_moved";
    await database.db.insert(payments).values(pendingPaymentRow(id));
    const attempt = database.db.transaction((tx) =>
      writeTransition(
        tx,
        id,
        "processing",
        { status: "completed" },
        { paymentId: id, status: "completed", source: "webhook" },
      ),
    );
    await expect(attempt).rejects.toThrow(/changed under its row lock/);
    const { row } = await stored(id);
    expect(row.status).toBe("pending");
    expect(await database.db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, id))).toEqual([]);
  });
});
