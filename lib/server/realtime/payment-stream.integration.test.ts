import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { payments } from "@/lib/server/db/schema";
import { applyProviderEvent } from "@/lib/server/payments/apply-provider-event";
import { testStores } from "@/test/databases";
import { createListenHub, type ListenHub } from "./listen-hub";
import { closeAllStreams, paymentEventStream } from "./payment-stream";

interface Frame {
  id?: number;
  event?: string;
  data?: { id: string; status: string };
  comment?: string;
  retry?: number;
}

/** Reads SSE frames off a stream as a browser's EventSource would. */
function reader(stream: ReadableStream<Uint8Array>) {
  const r = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let done = false;
  return {
    async next(timeoutMs = 5_000): Promise<Frame | null> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: Frame = {};
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) frame.comment = line.slice(1).trim();
            else if (line.startsWith("id: ")) frame.id = Number(line.slice(4));
            else if (line.startsWith("event: ")) frame.event = line.slice(7);
            else if (line.startsWith("data: ")) frame.data = JSON.parse(line.slice(6)) as Frame["data"];
            else if (line.startsWith("retry: ")) frame.retry = Number(line.slice(7));
          }
          return frame;
        }
        if (done) return null;
        const chunk = await Promise.race([
          r.read(),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error("no frame in time")), Math.max(1, deadline - Date.now())),
          ),
        ]);
        if (chunk.done) done = true;
        else buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => r.cancel(),
  };
}

describe.each(testStores())("SSE payment stream on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  let hub: ListenHub;
  let n = 0;

  beforeAll(async () => {
    ({ database, drop } = await store.open());
    hub = createListenHub(database);
  });
  afterAll(async () => {
    await hub.stop();
    await drop();
  });

  // What the provider reports on completion: the sale's own amount (a completion without one is drift).
  const PAID = { amount: "1000", currency: "TZS" };

  /** The provider's two usual webhooks, one after the other: processing, then completed. */
  async function processThenComplete(id: string): Promise<void> {
    await applyProviderEvent(database.db, { paymentId: id, status: "processing", source: "webhook" });
    await applyProviderEvent(database.db, {
      paymentId: id,
      status: "completed",
      source: "webhook",
      money: PAID,
    });
  }

  async function newPayment(): Promise<string> {
    n += 1;
    const id = `pay_sse_${n}`;
    await database.db.insert(payments).values({
      id,
      provider: "paygrid",
      method: "dynamic-qr",
      status: "creating",
      amountMinor: 100_000,
      currency: "TZS",
      reference: `SSE-${n}`,
      customer: { firstname: "A", lastname: "B", email: "a@example.com" },
      phone: "255712345678",
      idempotencyKey: `k${n}`,
      ownerScope: "register:test",
      expiresAt: new Date(Date.now() + 1_800_000),
    });
    await applyProviderEvent(database.db, { paymentId: id, status: "pending", source: "api" });
    return id;
  }

  it("sends the retry hint and a snapshot, then a live frame, then ends after the terminal frame", async () => {
    const id = await newPayment();
    const stream = reader(paymentEventStream(database.db, hub, id, undefined));
    expect(await stream.next()).toEqual({ retry: 3000 });
    const snapshot = await stream.next();
    expect(snapshot?.event).toBe("payment");
    expect(snapshot?.data?.status).toBe("pending");
    expect(snapshot?.id).toBeGreaterThan(0);

    await applyProviderEvent(database.db, {
      paymentId: id,
      status: "completed",
      source: "webhook",
      money: PAID,
    });
    const live = await stream.next();
    expect(live?.data?.status).toBe("completed");
    expect(live?.id).toBeGreaterThan(snapshot!.id!);
    expect(await stream.next()).toBeNull(); // the stream ended
    expect(hub.subscriberCount()).toBe(0); // and cleaned up after itself
  });

  it("replays what came after Last-Event-ID", async () => {
    const id = await newPayment();
    const [{ seq } = { seq: 0 }] = (
      (await database.db.execute(
        sql`select max(seq)::int as seq from payment_events where payment_id = ${id}`,
      )) as unknown as {
        rows: { seq: number }[];
      }
    ).rows;
    await processThenComplete(id);
    const stream = reader(paymentEventStream(database.db, hub, id, seq));
    expect(await stream.next()).toEqual({ retry: 3000 });
    expect((await stream.next())?.data?.status).toBe("processing");
    expect((await stream.next())?.data?.status).toBe("completed");
    expect(await stream.next()).toBeNull();
  });

  it("cleans up when the client goes away", async () => {
    const id = await newPayment();
    const stream = reader(paymentEventStream(database.db, hub, id, undefined));
    await stream.next();
    await stream.next();
    await expect.poll(() => hub.subscriberCount()).toBe(1);
    await stream.cancel();
    expect(hub.subscriberCount()).toBe(0);
  });

  it("streams of one payment woken together share one read, and each still gets every frame", async () => {
    const id = await newPayment();
    let reads = 0;
    // Counts the stream's reads: every one starts with db.select().
    const counted = new Proxy(database.db, {
      get(target, property, receiver) {
        if (property === "select") reads += 1;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const streams = Array.from({ length: 8 }, () => reader(paymentEventStream(counted, hub, id, undefined)));
    for (const stream of streams) {
      await stream.next();
      await stream.next();
    }
    await expect.poll(() => hub.subscriberCount()).toBe(8);
    reads = 0;
    // Two changes back to back: streams woken by the second while the first read is under way must not be
    // handed that older read.
    await processThenComplete(id);
    for (const stream of streams) {
      const seen: string[] = [];
      for (let frame = await stream.next(); frame; frame = await stream.next()) seen.push(frame.data!.status);
      expect(seen.at(-1)).toBe("completed");
      expect(seen.filter((status) => status === "processing").length).toBeLessThanOrEqual(1);
    }
    // Eight streams alone would read at least eight times for each change.
    expect(reads).toBeLessThanOrEqual(4);
  });

  it("ends every open stream on shutdown with a short retry hint so the process can exit", async () => {
    const ids = [await newPayment(), await newPayment()];
    const streams = ids.map((id) => reader(paymentEventStream(database.db, hub, id, undefined)));
    for (const stream of streams) {
      await stream.next();
      await stream.next();
    }
    await expect.poll(() => hub.subscriberCount()).toBe(2);
    expect(closeAllStreams()).toBe(2);
    for (const stream of streams) {
      expect(await stream.next()).toEqual({ retry: 1000, comment: "server shutting down, reconnect" });
      expect(await stream.next()).toBeNull();
    }
    expect(hub.subscriberCount()).toBe(0);
  });
});

describe.each(testStores().filter((s) => s.name === "postgres"))("LISTEN on $name", (store) => {
  it("reconnects by itself after its backend is terminated, and the open stream resumes", async () => {
    const { database, drop, url } = await store.open();
    const hub = createListenHub(database);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const id = "pay_listen_1";
      await database.db.insert(payments).values({
        id,
        provider: "paygrid",
        method: "dynamic-qr",
        status: "creating",
        amountMinor: 100_000,
        currency: "TZS",
        reference: "LISTEN-1",
        customer: { firstname: "A", lastname: "B", email: "a@example.com" },
        phone: "255712345678",
        idempotencyKey: "listen-k1",
        ownerScope: "register:test",
        expiresAt: new Date(Date.now() + 1_800_000),
      });
      await applyProviderEvent(database.db, { paymentId: id, status: "pending", source: "api" });
      const stream = reader(paymentEventStream(database.db, hub, id, undefined));
      await stream.next();
      await stream.next();
      await expect.poll(() => hub.isListening()).toBe(true);

      const listeners = async () =>
        (
          await admin.query<{ pid: number }>(
            "select pid from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'",
          )
        ).rows.map((row) => row.pid);
      const [before] = await listeners();
      expect(before).toBeDefined();
      await admin.query("select pg_terminate_backend($1)", [before]);
      // The hub notices the loss and listens again on a fresh connection by itself.
      const replaced = async () => {
        const now = await listeners();
        return now.length === 1 && now[0] !== before;
      };
      await expect.poll(replaced, { timeout: 10_000 }).toBe(true);
      await expect.poll(() => hub.isListening(), { timeout: 10_000 }).toBe(true);

      await applyProviderEvent(database.db, { paymentId: id, status: "processing", source: "webhook" });
      expect((await stream.next())?.data?.status).toBe("processing");
      await stream.cancel();
    } finally {
      await admin.end();
      await hub.stop();
      await drop();
    }
  });
});
