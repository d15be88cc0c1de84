import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { staff } from "@/lib/server/db/schema";
import * as dayRoute from "@/app/api/reports/day/route";
import * as dayCsvRoute from "@/app/api/reports/day.csv/route";
import type { DayReport } from "@/lib/day-contract";
import type { AppClient } from "@/test/app-client";
import { testStores } from "@/test/databases";
import { seedPayment, seedRefund } from "@/test/day-seed";
import { openShop, ownerClient, pairedDevice, signInWithPin } from "@/test/shop";

// The day report against a seeded day of mixed payments in Dar es Salaam (2026-11-15 runs from
// 2026-11-14T21:00Z to 2026-11-15T21:00Z): only confirmed money counts in a channel.

const DAY = "2026-11-15";
const at = (hhmm: string) => new Date(`2026-11-15T${hhmm}:00+03:00`);

describe.each(testStores())("the day report and its CSV on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  let cleanup: () => void;
  let owner: AppClient;
  let cashier: AppClient;
  let till: string;
  const other = "reg_other_till_1";

  beforeAll(async () => {
    ({ database, drop } = await store.open());
    let demoPin: string;
    ({ demoPin, cleanup } = await openShop(database));
    owner = await ownerClient();
    const [demo] = await database.db.select().from(staff).where(eq(staff.role, "cashier"));
    ({ device: cashier, registerId: till } = await pairedDevice(owner, "Till 1", "203.0.113.31"));
    expect((await signInWithPin(cashier, demo!.id, demoPin)).status).toBe(201);

    const db = database.db;
    const sale = { registerId: till, staffId: demo!.id, staffName: 'Asha, "Mama" Juma' };
    await seedPayment(
      db,
      {
        ...sale,
        provider: "cash",
        method: "cash",
        phone: "",
        status: "completed",
        amountMinor: 1_000_000,
        tenderedMinor: 1_500_000,
        createdAt: at("08:05"),
        completedAt: at("08:05"),
      },
      null,
    );
    const mpesa = await seedPayment(db, {
      ...sale,
      method: "mobile",
      network: "vodacom",
      status: "partially_refunded",
      amountMinor: 2_000_000,
      refundedMinor: 500_000,
      reference: "=SUM(A1)",
      providerReference: "QK71ABC",
      createdAt: at("09:00"),
      completedAt: at("09:01"),
    });
    await seedPayment(
      db,
      {
        ...sale,
        method: "mobile",
        network: "airtel",
        status: "completed",
        amountMinor: 500_000,
        createdAt: at("09:30"),
      },
      "api",
    );
    await seedPayment(db, {
      ...sale,
      provider: "splashpay",
      method: "tanqr",
      status: "completed",
      amountMinor: 3_000_000,
      feeMinor: 30_000,
      netMinor: 2_970_000,
      createdAt: at("10:00"),
    });
    // Late: paid after the time to pay ran out; healed by our poll.
    await seedPayment(
      db,
      { ...sale, status: "completed", amountMinor: 700_000, paidAfterExpiry: true, createdAt: at("11:00") },
      "poll",
    );
    // A mismatch never completes, never counts.
    await seedPayment(
      db,
      {
        ...sale,
        method: "card",
        status: "failed",
        amountMismatch: true,
        amountMinor: 900_000,
        createdAt: at("12:00"),
      },
      null,
    );
    await seedPayment(db, {
      ...sale,
      method: "mobile",
      network: "halotel",
      status: "pending",
      amountMinor: 400_000,
      createdAt: at("13:00"),
    });
    // A payment-link sale made at the till: owned by its checkout session, carrying the register.
    await seedPayment(db, {
      registerId: till,
      ownerScope: "checkout:cs_seedlink0001",
      checkoutSessionId: "cs_seedlink0001",
      method: "mobile",
      network: "tigo",
      status: "completed",
      amountMinor: 600_000,
      createdAt: at("14:00"),
    });
    await seedPayment(db, {
      registerId: till,
      method: "card",
      currency: "USD",
      status: "completed",
      amountMinor: 1_000,
      createdAt: at("15:00"),
    });
    // Another register, and the days either side, stay out of a one-register report or of this day.
    await seedPayment(
      db,
      {
        registerId: other,
        provider: "cash",
        method: "cash",
        phone: "",
        status: "completed",
        amountMinor: 250_000,
        createdAt: at("16:00"),
      },
      null,
    );
    await seedPayment(
      db,
      {
        registerId: till,
        provider: "cash",
        method: "cash",
        phone: "",
        status: "completed",
        amountMinor: 111_100,
        createdAt: new Date("2026-11-14T20:59:59Z"),
      },
      null,
    );
    await seedPayment(
      db,
      {
        registerId: till,
        provider: "cash",
        method: "cash",
        phone: "",
        status: "completed",
        amountMinor: 222_200,
        createdAt: new Date("2026-11-15T21:00:00Z"),
      },
      null,
    );
    await seedRefund(db, mpesa, { amountMinor: 500_000, registerId: till, createdAt: at("17:00") });
    await seedRefund(db, mpesa, {
      amountMinor: 100_000,
      registerId: till,
      status: "failed",
      createdAt: at("17:05"),
    });
  }, 180_000);
  afterAll(async () => {
    await drop();
    cleanup?.();
  });

  const report = async (query: string) => {
    const response = await owner.call(dayRoute.GET, "GET", `/api/reports/day?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as DayReport;
  };

  it("totals each channel per currency from confirmed money only, across registers", async () => {
    const day = await report(`date=${DAY}`);
    expect(day).toMatchObject({
      date: DAY,
      time_zone: "Africa/Dar_es_Salaam",
      from: "2026-11-14T21:00:00.000Z",
    });
    const tzs = day.currencies.find((c) => c.currency === "TZS")!;
    expect(tzs.channels).toEqual([
      { channel: "mpesa", count: 1, gross: "20000", refunded: "5000", fees: "0", net: "15000" },
      { channel: "mixx", count: 1, gross: "6000", refunded: "0", fees: "0", net: "6000" },
      { channel: "paygrid-qr", count: 1, gross: "7000", refunded: "0", fees: "0", net: "7000" },
      { channel: "tanqr", count: 1, gross: "30000", refunded: "0", fees: "300", net: "29700" },
      { channel: "cash", count: 2, gross: "12500", refunded: "0", fees: "0", net: "12500" },
    ]);
    expect(tzs.total).toEqual({ count: 6, gross: "75500", refunded: "5000", fees: "300", net: "70200" });
    expect(day.currencies.find((c) => c.currency === "USD")!.channels).toEqual([
      { channel: "card", count: 1, gross: "10", refunded: "0", fees: "0", net: "10" },
    ]);
    expect(day.late_payments.map((p) => p.amount)).toEqual(["7000"]);
    expect(day.amount_mismatches.map((p) => p.amount)).toEqual(["9000"]);
    expect(day.open_payments.map((p) => p.channel)).toEqual(["halopesa"]);
    expect(day.unconfirmed_payments.map((p) => p.channel)).toEqual(["airtel"]);
  });

  it("narrows to one register, payment-link sales included", async () => {
    const day = await report(`date=${DAY}&register=${till}`);
    const tzs = day.currencies.find((c) => c.currency === "TZS")!;
    expect(tzs.channels.find((c) => c.channel === "cash")).toMatchObject({ count: 1, gross: "10000" });
    expect(tzs.channels.find((c) => c.channel === "mixx")).toMatchObject({ count: 1 });
    const elsewhere = await report(`date=${DAY}&register=${other}`);
    expect(elsewhere.currencies).toEqual([
      {
        currency: "TZS",
        channels: [{ channel: "cash", count: 1, gross: "2500", refunded: "0", fees: "0", net: "2500" }],
        total: { count: 1, gross: "2500", refunded: "0", fees: "0", net: "2500" },
      },
    ]);
  });

  it("answers 400 for a malformed or impossible date and 403 to a cashier", async () => {
    for (const query of ["date=15-11-2026", "date=2026-02-30", "", "date=2026-11-15&register=x%00"]) {
      const response = await owner.call(dayRoute.GET, "GET", `/api/reports/day?${query}`);
      expect(response.status).toBe(400);
      const csv = await owner.call(dayCsvRoute.GET, "GET", `/api/reports/day.csv?${query}`);
      expect(csv.status).toBe(400);
    }
    expect((await cashier.call(dayRoute.GET, "GET", `/api/reports/day?date=${DAY}`)).status).toBe(403);
    expect((await cashier.call(dayCsvRoute.GET, "GET", `/api/reports/day.csv?date=${DAY}`)).status).toBe(403);
  });

  it("exports one CSV row per payment: BOM, CRLF, quoted fields, no formulas", async () => {
    const response = await owner.call(dayCsvRoute.GET, "GET", `/api/reports/day.csv?date=${DAY}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="malipo-2026-11-15.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.trimEnd().split("\r\n");
    const header = lines[0]!.split(",");
    expect(header.slice(0, 9)).toEqual([
      "created_at_eat",
      "payment_id",
      "reference",
      "status",
      "channel",
      "method",
      "provider",
      "currency",
      "amount",
    ]);
    expect(lines).toHaveLength(1 + 10);
    // Chronological, in Dar es Salaam time.
    expect(lines[1]).toMatch(/^2026-11-15 08:05:00,pay_seed/);
    const mpesa = lines.find((l) => l.includes(",mpesa,"))!;
    expect(mpesa).toContain(",'=SUM(A1),");
    expect(mpesa).toContain(',"Asha, ""Mama"" Juma",Till 1,');
    expect(mpesa).toContain(",20000,5000,");
    const cash = lines.find((l) => l.includes(",cash,") && l.includes(",10000,"))!;
    expect(cash).toContain(",10000,0,,,15000,5000,yes,no,no,");
    const airtel = lines.find((l) => l.includes(",airtel,"))!;
    expect(airtel).toContain(",no,no,no,");
  });
});
