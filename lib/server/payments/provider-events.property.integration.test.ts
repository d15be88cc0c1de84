import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { paymentEvents, payments } from "@/lib/server/db/schema";
import { registerPaymentListeners } from "@/lib/server/register-listeners";
import type { PaymentStatus } from "@/lib/payment-status";
import { testStores } from "@/test/databases";
import { applyProviderEvent, type EventSource } from "./apply-provider-event";

// Any sequence of a payment's provider events, in any order and any multiplicity (webhooks dropped,
// duplicated and reordered, polls and our own deadline mixed in), applied through the one real path:
// the final state depends only on the set of events, it never moves backwards, and paid_after_expiry is
// set exactly when the money landed after the deadline. Refunds are our own actions after completion, not
// provider events, so they are not part of the histories.

const DEADLINE = new Date("2026-12-01T10:00:00.500Z");
const BEFORE = (s: number) => new Date(DEADLINE.getTime() - s * 1000 - 123);
const AFTER = (s: number) => new Date(DEADLINE.getTime() + s * 1000 + 123);

interface HistoryEvent {
  status: PaymentStatus;
  occurredAt: Date;
  /** Our own deadline logic rather than the provider. */
  system?: boolean;
}

const RANK: Record<string, number> = {
  creating: 0,
  pending: 1,
  processing: 2,
  failed: 3,
  cancelled: 3,
  expired: 3,
  completed: 4,
};

/** What really happened at the provider (and at our deadline); the last entry is the truth. */
const history: fc.Arbitrary<HistoryEvent[]> = fc
  .record({
    shape: fc.constantFrom("paid", "paid-late", "paid-before-our-expiry", "failed", "cancelled", "expired"),
    processing: fc.boolean(),
    offset: fc.integer({ min: 2, max: 600 }),
  })
  .map(({ shape, processing, offset }) => {
    const events: HistoryEvent[] = [{ status: "pending", occurredAt: BEFORE(1800) }];
    if (processing) events.push({ status: "processing", occurredAt: BEFORE(900) });
    switch (shape) {
      case "paid":
        events.push({ status: "completed", occurredAt: BEFORE(offset) });
        break;
      case "paid-late":
        events.push({ status: "expired", occurredAt: AFTER(0) });
        events.push({ status: "completed", occurredAt: AFTER(offset) });
        break;
      case "paid-before-our-expiry":
        // The money landed in time but its webhook was lost; our deadline closed the payment first.
        events.push({ status: "completed", occurredAt: BEFORE(offset) });
        events.push({ status: "expired", occurredAt: AFTER(0), system: true });
        break;
      case "failed":
      case "cancelled":
        events.push({ status: shape, occurredAt: BEFORE(offset) });
        break;
      case "expired":
        events.push({ status: "expired", occurredAt: AFTER(0) });
        break;
    }
    return events;
  });

interface Delivery {
  index: number;
  /** A poll or API answer carries no event id, so only the state machine keeps it harmless. */
  viaPoll: boolean;
}

/** Every event at least once, some several times, in any order. */
const deliveries = (count: number): fc.Arbitrary<Delivery[]> =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      fc.array(fc.record({ index: fc.nat({ max: count - 1 }), viaPoll: fc.boolean() }), { maxLength: 6 }),
    )
    .chain(([polls, extras]) => {
      const all: Delivery[] = [...polls.map((viaPoll, index) => ({ index, viaPoll })), ...extras];
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    });

const truthOf = (events: HistoryEvent[]): PaymentStatus =>
  events.some((e) => e.status === "completed") ? "completed" : events[events.length - 1]!.status;

describe.each(testStores())("provider events in any order and multiplicity on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    registerPaymentListeners();
    ({ database, drop } = await store.open());
  }, 240_000);
  afterAll(async () => drop());

  async function newPayment(): Promise<string> {
    const id = `pay_prop_${randomUUID()}`;
    await database.db.insert(payments).values({
      id,
      provider: "paygrid",
      method: "dynamic-qr",
      status: "creating",
      amountMinor: 500_000,
      currency: "TZS",
      reference: `POS-${id.slice(-8)}`,
      customer: { firstname: "Prop", lastname: "Test" },
      phone: "255712345678",
      idempotencyKey: id,
      ownerScope: "register:property",
      expiresAt: DEADLINE,
    });
    return id;
  }

  it("does not flag money that landed in time when its news came after our deadline closed it", async () => {
    const id = await newPayment();
    const money = { amount: "5000", currency: "TZS" };
    await applyProviderEvent(database.db, { paymentId: id, status: "pending", source: "api", money });
    await applyProviderEvent(database.db, { paymentId: id, status: "expired", source: "system" });
    const late = await applyProviderEvent(database.db, {
      paymentId: id,
      status: "completed",
      source: "poll",
      occurredAt: BEFORE(30),
      money,
    });
    expect(late.payment?.status).toBe("completed");
    expect(late.payment?.paidAfterExpiry).toBe(false);
  });

  it("converges on the provider's truth, forward only, flagging exactly the late money", async () => {
    await fc.assert(
      fc.asyncProperty(
        history.chain((events) => deliveries(events.length).map((order) => ({ events, order }))),
        async ({ events, order }) => {
          const id = await newPayment();
          for (const { index, viaPoll } of order) {
            const event = events[index]!;
            const source: EventSource = event.system ? "system" : viaPoll ? "poll" : "webhook";
            await applyProviderEvent(database.db, {
              paymentId: id,
              status: event.status,
              source,
              occurredAt: event.occurredAt,
              ...(source === "webhook" ? { dedupe: { provider: "paygrid", key: `${id}:${index}` } } : {}),
              money: { amount: "5000", currency: "TZS" },
            });
          }
          const [row] = await database.db.select().from(payments).where(eq(payments.id, id));
          expect(row!.status).toBe(truthOf(events));
          const landed = events.find((e) => e.status === "completed");
          expect(row!.paidAfterExpiry).toBe(landed ? landed.occurredAt > DEADLINE : false);
          const log = await database.db
            .select()
            .from(paymentEvents)
            .where(eq(paymentEvents.paymentId, id))
            .orderBy(asc(paymentEvents.seq));
          for (const entry of log) {
            expect(RANK[entry.status]!).toBeGreaterThan(RANK[entry.previousStatus!]!);
          }
        },
      ),
      { numRuns: store.name === "pglite" ? 40 : 25 },
    );
  });
});
