import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/lib/server/db/client";
import { PAYMENT_CHANNEL } from "@/lib/server/db/payment-notify";
import { paymentEvents, payments, providerEventReceipts } from "@/lib/server/db/schema";
import { testStores } from "@/test/databases";
import { pendingPaymentRow } from "@/test/payment-row";
import type { ApplyResult, ProviderEvent } from "./apply-provider-event";
import { applyProviderEventGrouped, groupCommitStats } from "./group-commit";
import { onPaymentChanged } from "./payment-listeners";

// Webhooks that arrive together share one transaction (group-commit.ts). What a provider and a cashier rely
// on must not change: each event is applied exactly as alone (dedupe, forward-only, amount check, event
// log, NOTIFY), one failing event fails no other, and nothing is answered before its commit.

let seq = 0;

async function newPayments(db: Db, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `pay_group_${++seq}`);
  // No provider id yet, as before the create answer: the webhooks below bring none either.
  await db.insert(payments).values(ids.map((id) => pendingPaymentRow(id, { providerPaymentId: null })));
  return ids;
}

const webhook = (paymentId: string, status: ProviderEvent["status"], key = `${paymentId}:${status}`) =>
  ({
    paymentId,
    status,
    source: "webhook",
    dedupe: { provider: "paygrid", key },
    providerEventId: key,
    money: { amount: 5000, currency: "TZS" },
  }) satisfies ProviderEvent;

/** Which promises have settled so far, without waiting for the others. */
async function settledNow(promises: Promise<unknown>[]): Promise<boolean[]> {
  const flags = promises.map(() => false);
  promises.forEach(
    (p, i) =>
      void p.then(
        () => (flags[i] = true),
        () => (flags[i] = true),
      ),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return flags;
}

describe.each(testStores())("group commit of provider webhooks on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, drop } = await store.open());
  });
  afterAll(async () => drop());
  // Listeners live in a process-wide registry: leave a harmless one behind.
  afterEach(() => onPaymentChanged("group-commit-test", async () => {}));

  const statuses = async (ids: string[]) => {
    const rows = await database.db.select().from(payments).where(inArray(payments.id, ids));
    return Object.fromEntries(rows.map((r) => [r.id, r.status]));
  };
  const eventCount = async (ids: string[]) =>
    (await database.db.select().from(paymentEvents).where(inArray(paymentEvents.paymentId, ids))).length;

  it("applies webhooks that arrive together in fewer transactions, each exactly as alone, with a NOTIFY each", async () => {
    const db = database.db;
    const ids = await newPayments(db, 40);
    const notified = new Set<string>();
    const unlisten = await database.listen(PAYMENT_CHANNEL, (id) => notified.add(id));
    const before = groupCommitStats(db);
    // A duplicate delivery of every tenth webhook arrives in the same burst.
    const events = [
      ...ids.map((id) => webhook(id, "completed")),
      ...ids.filter((_, i) => i % 10 === 0).map((id) => webhook(id, "completed")),
    ];
    const results = await Promise.all(events.map((e) => applyProviderEventGrouped(db, e)));
    const after = groupCommitStats(db);

    expect(results.slice(0, 40).map((r) => r.outcome)).toEqual(ids.map(() => "applied"));
    expect(results.slice(40).map((r) => r.outcome)).toEqual([
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    expect(Object.values(await statuses(ids))).toEqual(ids.map(() => "completed"));
    expect(await eventCount(ids)).toBe(40);
    expect(after.events - before.events).toBe(44);
    expect(after.groups - before.groups).toBeLessThan(44);
    await expect.poll(() => notified.size, { timeout: 5000 }).toBe(40);
    await unlisten();
  });

  it("keeps one payment's events forward-only and in arrival order inside a group", async () => {
    const db = database.db;
    const [a, b] = await newPayments(db, 2);
    const results = await Promise.all([
      applyProviderEventGrouped(db, webhook(a!, "processing")),
      applyProviderEventGrouped(db, webhook(a!, "completed")),
      applyProviderEventGrouped(db, webhook(b!, "completed")),
      // A late "processing" after "completed" in the same group changes nothing.
      applyProviderEventGrouped(db, webhook(b!, "processing")),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(["applied", "applied", "applied", "stale"]);
    expect(await statuses([a!, b!])).toEqual({ [a!]: "completed", [b!]: "completed" });
    expect(await eventCount([a!, b!])).toBe(3);
  });

  it("still refuses a completion whose amount drifted when it shares a group", async () => {
    const db = database.db;
    const [fine, drifted] = await newPayments(db, 2);
    const [one, two] = await Promise.all([
      applyProviderEventGrouped(db, webhook(fine!, "completed")),
      applyProviderEventGrouped(db, {
        ...webhook(drifted!, "completed"),
        money: { amount: 4999, currency: "TZS" },
      }),
    ]);
    expect(one.outcome).toBe("applied");
    expect(two.payment?.status).not.toBe("completed");
    const rows = await statuses([fine!, drifted!]);
    expect(rows[fine!]).toBe("completed");
    expect(rows[drifted!]).not.toBe("completed");
  });

  it("fails only the failing webhook of a group; the others are applied and committed", async () => {
    const db = database.db;
    const ids = await newPayments(db, 10);
    const bad = ids[4]!;
    onPaymentChanged("group-commit-test", async (_tx, payment) => {
      if (payment.id === bad) throw new Error("listener broke");
    });
    const outcomes = await Promise.allSettled(
      ids.map((id) => applyProviderEventGrouped(db, webhook(id, "completed"))),
    );

    expect(outcomes[4]!.status).toBe("rejected");
    for (const [i, outcome] of outcomes.entries()) {
      if (i === 4) continue;
      expect(outcome.status).toBe("fulfilled");
      expect((outcome as PromiseFulfilledResult<ApplyResult>).value.outcome).toBe("applied");
    }
    const rows = await statuses(ids);
    expect(rows[bad]).toBe("pending");
    expect(ids.filter((id) => rows[id] === "completed")).toHaveLength(9);
    // The failed one left no receipt behind, so the provider's retry is applied, not taken as a duplicate.
    const receipts = await db
      .select()
      .from(providerEventReceipts)
      .where(eq(providerEventReceipts.paymentId, bad));
    expect(receipts).toHaveLength(0);
    onPaymentChanged("group-commit-test", async () => {});
    expect((await applyProviderEventGrouped(db, webhook(bad, "completed"))).outcome).toBe("applied");
  });

  it("answers nobody before the group's commit, and a crash before it loses nothing that was answered", async () => {
    const db = database.db;
    const ids = await newPayments(db, 6);
    // Hold the group open inside its transaction (the last event's listener waits on a gate).
    let openGate: () => void = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    onPaymentChanged("group-commit-test", async (_tx, payment) => {
      if (payment.id === ids[5]) {
        entered();
        await gate;
        // The process dies here: the transaction never commits.
        throw new Error("process died mid-group");
      }
    });
    // Six webhooks in one turn of the event loop: one group.
    const calls = ids.map((id) => applyProviderEventGrouped(db, webhook(id, "completed")));
    const outcomes = Promise.allSettled(calls);
    await inside;
    // Mid-group: the events applied before the gate are written in the open transaction, yet not answered.
    expect(await settledNow(calls)).toEqual(ids.map(() => false));
    openGate();
    const settled = await outcomes;
    // Whatever was answered "applied" is committed; the one that never committed answered an error.
    const rows = await statuses(ids);
    for (const [i, outcome] of settled.entries()) {
      if (outcome.status === "fulfilled") expect(rows[ids[i]!]).toBe("completed");
      else expect(rows[ids[i]!]).toBe("pending");
    }
    expect(settled[5]!.status).toBe("rejected");
    expect(await eventCount(ids)).toBe(settled.filter((o) => o.status === "fulfilled").length);
  });

  it("rolls back a whole group when its commit cannot happen, answering every webhook in it with an error", async () => {
    const db = database.db;
    const ids = await newPayments(db, 5);
    // A store that runs the transaction's statements and then dies before COMMIT, every time.
    const dying = new Proxy(db, {
      get(target, key, receiver) {
        if (key !== "transaction") return Reflect.get(target, key, receiver) as unknown;
        return (fn: (tx: unknown) => Promise<unknown>) =>
          target.transaction(async (tx) => {
            await fn(tx);
            throw new Error("connection lost before COMMIT");
          });
      },
    });
    const settled = await Promise.allSettled(
      ids.map((id) => applyProviderEventGrouped(dying, webhook(id, "completed"))),
    );
    expect(settled.map((s) => s.status)).toEqual(ids.map(() => "rejected"));
    expect(Object.values(await statuses(ids))).toEqual(ids.map(() => "pending"));
    expect(await eventCount(ids)).toBe(0);
    // The provider redelivers what was never acknowledged: every one is applied (no receipt survived).
    const redelivered = await Promise.all(
      ids.map((id) => applyProviderEventGrouped(db, webhook(id, "completed"))),
    );
    expect(redelivered.map((r) => r.outcome)).toEqual(ids.map(() => "applied"));
  });
});
