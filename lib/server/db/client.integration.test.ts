import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStores } from "@/test/databases";
import { openDatabase, type Database } from "./client";
import { DataDirLockedError } from "./pglite-lock";
import { paymentEvents, payments } from "./schema";

const samplePayment = {
  id: "pay_test_1",
  provider: "paygrid",
  method: "dynamic-qr",
  status: "pending",
  amountMinor: 500_000,
  currency: "TZS",
  reference: "POS-1",
  customer: { firstname: "Asha", lastname: "Mushi", email: "asha@example.com" },
  phone: "255712345678",
  idempotencyKey: "key-1",
  ownerScope: "register:test",
  expiresAt: new Date(Date.now() + 1_800_000),
};

describe.each(testStores())("database on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, drop } = await store.open());
  });
  afterAll(async () => drop());

  it("runs the migrations and stores money as exact integers", async () => {
    await database.db.insert(payments).values(samplePayment);
    const [row] = await database.db.select().from(payments).where(eq(payments.id, "pay_test_1"));
    expect(row?.amountMinor).toBe(500_000);
    expect(row?.status).toBe("pending");
    expect(row?.paidAfterExpiry).toBe(false);
  });

  it("numbers events in order for SSE replay", async () => {
    const inserted = await database.db
      .insert(paymentEvents)
      .values([
        { paymentId: "pay_test_1", status: "pending", source: "api" },
        { paymentId: "pay_test_1", status: "completed", previousStatus: "pending", source: "webhook" },
      ])
      .returning({ seq: paymentEvents.seq });
    expect(inserted).toHaveLength(2);
    expect(inserted[1]!.seq).toBeGreaterThan(inserted[0]!.seq);
  });

  it("refuses a second payment with the same provider payment id", async () => {
    await database.db
      .update(payments)
      .set({ providerPaymentId: "prov-1" })
      .where(eq(payments.id, "pay_test_1"));
    await expect(
      database.db
        .insert(payments)
        .values({ ...samplePayment, id: "pay_test_2", providerPaymentId: "prov-1" }),
    ).rejects.toThrow();
  });

  it("delivers NOTIFY payloads sent inside a committed transaction", async () => {
    const received: string[] = [];
    const unlisten = await database.listen("malipo_test", (payload) => received.push(payload));
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_notify('malipo_test', 'pay_test_1')`);
    });
    await expect.poll(() => received, { timeout: 5_000 }).toEqual(["pay_test_1"]);
    await unlisten();
  });
});

describe.each(testStores().filter((s) => s.name === "postgres"))("LISTEN on $name", (store) => {
  it("comes back as one connection after its backend is terminated, and close() still finishes", async () => {
    const { database, drop, url } = await store.open();
    const name = new URL(url!).pathname.slice(1);
    const listeners = async () => {
      const result = (await database.db.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = ${name} and query like 'LISTEN%'`,
      )) as unknown as { rows: { n: number }[] };
      return result.rows[0]!.n;
    };
    const received: string[] = [];
    let lost = 0;
    let reconnected = 0;
    const unlisten = await database.listen(
      "malipo_test",
      (payload) => received.push(payload),
      () => (reconnected += 1),
      () => (lost += 1),
    );
    // As when the server restarts: every backend goes, the idle pooled ones too, so the reconnect may first
    // pick a dead pooled client. Each loss must give one LISTEN again, never two, and no client may leak.
    for (let round = 1; round <= 3; round++) {
      // Several idle pooled clients to go dead alongside the LISTEN.
      // (One may land on a client killed last round that the pool has not yet noticed: that is fine.)
      await Promise.all(
        Array.from({ length: 4 }, () => database.db.execute(sql`select pg_sleep(0.05)`).catch(() => {})),
      );
      await database.db
        .execute(
          sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`,
        )
        .catch(() => {});
      await expect.poll(() => reconnected, { timeout: 10_000 }).toBe(round);
    }
    expect(lost).toBe(3);
    await expect.poll(listeners, { timeout: 5_000 }).toBe(1);
    await database.db.execute(sql`select pg_notify('malipo_test', 'after')`);
    await expect.poll(() => received, { timeout: 5_000 }).toEqual(["after"]);
    await unlisten();
    // Every client went back to the pool, so closing it (as a shutdown does) finishes.
    await drop();
  }, 40_000);
});

describe("PGlite data directory", () => {
  it("keeps data across a reopen and refuses a second live opener", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-db-"));
    try {
      const first = await openDatabase({ dataDir: dir });
      await first.db.insert(payments).values(samplePayment);
      await first.close();

      const second = await openDatabase({ dataDir: dir });
      const rows = await second.db.select().from(payments);
      expect(rows.map((r) => r.id)).toEqual(["pay_test_1"]);
      await second.close();

      // Another live process owns the directory: its pid is in the lock file.
      fs.writeFileSync(path.join(dir, "pglite.lock"), String(process.ppid));
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/already open in another process/);

      // A lock left by a dead process is stale and taken over.
      fs.writeFileSync(path.join(dir, "pglite.lock"), "999999999");
      const third = await openDatabase({ dataDir: dir });
      await third.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
