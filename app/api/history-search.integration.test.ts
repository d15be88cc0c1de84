import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { staff } from "@/lib/server/db/schema";
import * as paymentsRoute from "@/app/api/payments/route";
import * as paymentRoute from "@/app/api/payments/[id]/route";
import type { PaymentList } from "@/lib/api-contract";
import { paymentListQuery, parseListPaymentsQuery } from "@/lib/server/payments/list-payments";
import type { AppClient } from "@/test/app-client";
import { testStores } from "@/test/databases";
import { seedPayment } from "@/test/day-seed";
import { openShop, ownerClient, pairedDevice, signInWithPin } from "@/test/shop";

// The history: search by reference, the phone's last digits and the amount; filters; the register's
// payment-link sales; cursor pages; and at 100,000 payments, query plans that use the indexes.

describe.each(testStores())("history search on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  let cleanup: () => void;
  let owner: AppClient;
  let cashier: AppClient;
  let till: string;
  let cashierId: string;
  let linkSale: string;

  beforeAll(async () => {
    ({ database, drop } = await store.open());
    let demoPin: string;
    ({ demoPin, cleanup } = await openShop(database));
    owner = await ownerClient();
    const [demo] = await database.db.select().from(staff).where(eq(staff.role, "cashier"));
    cashierId = demo!.id;
    ({ device: cashier, registerId: till } = await pairedDevice(owner, "Till 1", "203.0.113.41"));
    expect((await signInWithPin(cashier, cashierId, demoPin)).status).toBe(201);
    const db = database.db;
    const mine = {
      registerId: till,
      ownerScope: `register:${till}`,
      staffId: cashierId,
      staffName: "Demo cashier",
    };
    await seedPayment(db, {
      ...mine,
      reference: "TABLE-7",
      phone: "255754111222",
      method: "mobile",
      network: "vodacom",
      status: "completed",
      amountMinor: 1_250_000,
      createdAt: new Date("2026-11-10T08:00:00Z"),
    });
    await seedPayment(
      db,
      {
        ...mine,
        reference: "table-8",
        phone: "255682333444",
        method: "mobile",
        network: "airtel",
        status: "failed",
        amountMinor: 500_000,
        createdAt: new Date("2026-11-11T08:00:00Z"),
      },
      null,
    );
    await seedPayment(
      db,
      {
        ...mine,
        reference: "CASH 1",
        phone: "",
        provider: "cash",
        method: "cash",
        status: "completed",
        amountMinor: 1_250_000,
        createdAt: new Date("2026-11-12T08:00:00Z"),
      },
      null,
    );
    await seedPayment(db, {
      ...mine,
      reference: "100%_OFF",
      status: "pending",
      amountMinor: 900_000,
      createdAt: new Date("2026-11-12T09:00:00Z"),
    });
    linkSale = await seedPayment(db, {
      registerId: till,
      ownerScope: "checkout:cs_histlink00001",
      checkoutSessionId: "cs_histlink00001",
      reference: "ORDER-55-1",
      phone: "255713999000",
      method: "mobile",
      network: "tigo",
      status: "processing",
      amountMinor: 600_000,
      createdAt: new Date("2026-11-13T08:00:00Z"),
    });
    // Another register's sale: only managers see it.
    await seedPayment(db, {
      registerId: "reg_elsewhere01",
      ownerScope: "register:reg_elsewhere01",
      reference: "TABLE-9",
      status: "completed",
      amountMinor: 1_250_000,
      createdAt: new Date("2026-11-13T09:00:00Z"),
    });
  }, 180_000);
  afterAll(async () => {
    await drop();
    cleanup?.();
  });

  const list = async (client: AppClient, query: string) => {
    const response = await client.call(paymentsRoute.GET, "GET", `/api/payments?${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as PaymentList;
  };
  const refs = async (client: AppClient, query: string) =>
    (await list(client, query)).data.map((p) => p.reference);

  it("shows a cashier the register's sales, its payment-link sales with their live status, not others'", async () => {
    const page = await list(cashier, "");
    expect(page.data.map((p) => p.reference)).toEqual([
      "ORDER-55-1",
      "100%_OFF",
      "CASH 1",
      "table-8",
      "TABLE-7",
    ]);
    expect(page.data[0]).toMatchObject({
      status: "processing",
      channel: "mixx",
      checkout_session_id: "cs_histlink00001",
    });
    const one = await cashier.call(paymentRoute.GET, "GET", `/api/payments/${linkSale}`, {
      params: { id: linkSale },
    });
    expect(one.status).toBe(200);
    expect(await refs(owner, "")).toContain("TABLE-9");
  });

  it("searches by reference prefix in any case, the phone's last digits and the amount", async () => {
    expect(await refs(cashier, "q=table")).toEqual(["table-8", "TABLE-7"]);
    expect(await refs(cashier, "reference=TABLE-7")).toEqual(["TABLE-7"]);
    // LIKE's wildcards in the text are plain characters.
    expect(await refs(cashier, "q=100%25_")).toEqual(["100%_OFF"]);
    expect(await refs(cashier, "q=1%25")).toEqual([]);
    expect(await refs(cashier, "phone=1222")).toEqual(["TABLE-7"]);
    expect(await refs(cashier, "q=3444")).toEqual(["table-8"]);
    expect(await refs(cashier, "amount=12500")).toEqual(["CASH 1", "TABLE-7"]);
    expect(await refs(cashier, "q=6000")).toEqual(["ORDER-55-1"]);
    expect(await refs(owner, "amount=12500")).toEqual(["TABLE-9", "CASH 1", "TABLE-7"]);
  });

  it("filters by Dar es Salaam dates, status, method, channel, staff and register", async () => {
    expect(await refs(cashier, "from=2026-11-11&to=2026-11-12")).toEqual(["100%_OFF", "CASH 1", "table-8"]);
    expect(await refs(cashier, "status=completed")).toEqual(["CASH 1", "TABLE-7"]);
    expect(await refs(cashier, "method=cash")).toEqual(["CASH 1"]);
    expect(await refs(cashier, "channel=mpesa")).toEqual(["TABLE-7"]);
    expect(await refs(cashier, "channel=cash")).toEqual(["CASH 1"]);
    expect(await refs(cashier, "channel=mixx")).toEqual(["ORDER-55-1"]);
    expect(await refs(owner, `staff=${cashierId}&channel=airtel`)).toEqual(["table-8"]);
    expect(await refs(owner, "register=reg_elsewhere01")).toEqual(["TABLE-9"]);
    for (const bad of ["from=2026-13-01", "phone=12", "amount=abc", "channel=bitcoin", "method=barter"]) {
      const response = await cashier.call(paymentsRoute.GET, "GET", `/api/payments?${bad}`);
      expect(response.status).toBe(400);
    }
  });

  it("walks the pages with a cursor, each row once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: PaymentList = await list(cashier, `limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.data.map((p) => p.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("at 100,000 payments, every search and the newest-first page use an index", async () => {
    const db = database.db;
    await db.execute(sql`
      insert into payments (id, provider, method, status, amount_minor, currency, reference, customer, phone,
        network, idempotency_key, owner_scope, register_id, expires_at, created_at, updated_at)
      select 'pay_bulk' || g, 'paygrid', 'mobile', 'completed', 100000 + (g % 5000) * 100, 'TZS',
        'BULK-' || g, '{}'::jsonb, '2557' || lpad((g * 7919 % 100000000)::text, 8, '0'), 'vodacom',
        'bulk-' || g, 'register:reg_bulk' || (g % 20), 'reg_bulk' || (g % 20),
        now(), timestamptz '2026-01-01' + g * interval '1 minute', now()
      from generate_series(1, 100000) g`);
    await db.execute(sql`analyze payments`);
    const plan = async (query: string, scope: string | null = null) => {
      const built = paymentListQuery(db, scope, parseListPaymentsQuery(new URLSearchParams(query)));
      const result = (await db.execute(sql`explain ${built}`)) as unknown as {
        rows: Record<string, string>[];
      };
      return result.rows.map((r) => Object.values(r)[0]).join("\n");
    };
    expect(await plan("limit=25")).toMatch(/Index Scan Backward using payments_created_id_idx/);
    // A reference prefix: PostgreSQL may instead walk the newest-first index and filter when its estimate
    // of the prefix's rows is coarse (LIMIT 21 of ~1 %); both are index plans, never a scan of the table.
    expect(await plan("reference=BULK-4242")).toMatch(
      /payments_reference_search_idx|payments_created_id_idx/,
    );
    expect(await plan("phone=76543")).toContain("payments_phone_tail_idx");
    expect(await plan("amount=2345")).toContain("payments_amount_created_idx");
    // A register's own history walks the newest-first index and filters (one row in twenty is theirs).
    expect(await plan("limit=25", "register:reg_bulk7")).toMatch(/Index Scan|Bitmap/);
    for (const query of ["limit=25", "q=BULK-42", "q=76543", "channel=mpesa&status=completed"]) {
      expect(await plan(query)).not.toContain("Seq Scan");
    }
    const started = Date.now();
    const page = await list(owner, "q=BULK-9999");
    expect(page.data.map((p) => p.reference)).toContain("BULK-9999");
    expect(Date.now() - started).toBeLessThan(2_000);
  }, 120_000);
});
