import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { payments, shifts, staff } from "@/lib/server/db/schema";
import * as paymentsRoute from "@/app/api/payments/route";
import * as shiftsRoute from "@/app/api/shifts/route";
import * as currentShiftRoute from "@/app/api/shifts/current/route";
import * as shiftRoute from "@/app/api/shifts/[id]/route";
import * as closeShiftRoute from "@/app/api/shifts/[id]/close/route";
import type { Payment } from "@/lib/api-contract";
import type { ZReport } from "@/lib/day-contract";
import type { AppClient } from "@/test/app-client";
import { testStores } from "@/test/databases";
import { seedPayment, seedRefund } from "@/test/day-seed";
import { openShop, ownerClient, pairedDevice, signInWithPin } from "@/test/shop";

// Cash sales and shifts through the real routes: a cash sale is completed at once and replays for its
// key; a shift opens with a float, collects the register's sales and closes into a frozen Z report.

const cashSale = (over: Record<string, unknown> = {}) => ({
  provider: "cash",
  method: "cash",
  amount: "7500",
  currency: "TZS",
  ...over,
});

describe.each(testStores())("cash and shifts on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  let cleanup: () => void;
  let owner: AppClient;
  let cashier: AppClient;
  let registerId: string;
  let otherTill: AppClient;

  const sell = (client: AppClient, body: unknown, key: string) =>
    client.call(paymentsRoute.POST, "POST", "/api/payments", { body, headers: { "idempotency-key": key } });

  beforeAll(async () => {
    ({ database, drop } = await store.open());
    let demoPin: string;
    ({ demoPin, cleanup } = await openShop(database));
    owner = await ownerClient();
    const [demo] = await database.db.select().from(staff).where(eq(staff.role, "cashier"));
    ({ device: cashier, registerId } = await pairedDevice(owner, "Till 1", "203.0.113.21"));
    expect((await signInWithPin(cashier, demo!.id, demoPin)).status).toBe(201);
    const second = await pairedDevice(owner, "Till 2", "203.0.113.22");
    otherTill = second.device;
    expect((await signInWithPin(otherTill, demo!.id, demoPin)).status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await drop();
    cleanup?.();
  });

  it("records a cash sale as completed at once, with the change due, and replays it for the same key", async () => {
    const first = await sell(cashier, cashSale({ tendered: "10000", reference: "TABLE 4" }), "cash-1");
    expect(first.status).toBe(201);
    const paid = (await first.json()) as Payment;
    expect(paid).toMatchObject({
      provider: "cash",
      method: "cash",
      channel: "cash",
      status: "completed",
      amount: "7500",
      tendered: "10000",
      change_due: "2500",
      reference: "TABLE 4",
      register_id: registerId,
      shift_id: null,
    });
    expect(paid.completed_at).not.toBeNull();
    const again = await sell(cashier, cashSale({ tendered: "10000", reference: "TABLE 4" }), "cash-1");
    expect(again.status).toBe(200);
    expect(((await again.json()) as Payment).id).toBe(paid.id);
    const reused = await sell(cashier, cashSale({ amount: "8000" }), "cash-1");
    expect(reused.status).toBe(422);
    expect(
      await database.db.select().from(payments).where(eq(payments.idempotencyKey, "cash-1")),
    ).toHaveLength(1);
  });

  it("refuses cash handed over below the amount, and bad amounts, writing nothing", async () => {
    const before = (await database.db.select().from(payments)).length;
    for (const body of [
      cashSale({ tendered: "5000" }),
      cashSale({ amount: "0" }),
      cashSale({ amount: "-5" }),
      cashSale({ amount: "10.001", currency: "USD" }),
      cashSale({ provider: "paygrid" }),
    ]) {
      const response = await sell(cashier, body, `bad-${JSON.stringify(body)}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_ERROR");
    }
    expect((await database.db.select().from(payments)).length).toBe(before);
  });

  it("opens one shift per register; sales attach to it; the close freezes the Z report; a second close is 409", async () => {
    const none = await cashier.call(currentShiftRoute.GET, "GET", "/api/shifts/current");
    expect(await none.json()).toEqual({ shift: null, report: null });

    const opened = await cashier.call(shiftsRoute.POST, "POST", "/api/shifts", {
      body: { opening_float: "50000" },
    });
    expect(opened.status).toBe(201);
    const { shift } = (await opened.json()) as ZReport;
    expect(shift).toMatchObject({
      status: "open",
      opening_float: "50000",
      currency: "TZS",
      register_name: "Till 1",
    });
    const twice = await cashier.call(shiftsRoute.POST, "POST", "/api/shifts", {
      body: { opening_float: "1" },
    });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: { code: string } }).error.code).toBe("SHIFT_ALREADY_OPEN");

    const cash = (await (await sell(cashier, cashSale({ amount: "12000" }), "shift-cash")).json()) as Payment;
    expect(cash.shift_id).toBe(shift.id);
    // Another register's sale stays out of this shift.
    const elsewhere = (await (await sell(otherTill, cashSale(), "other-till")).json()) as Payment;
    expect(elsewhere.shift_id).toBeNull();
    // Mobile money confirmed by webhook, one only answered by the API, one still open, a late one.
    const db = database.db;
    const mpesa = await seedPayment(db, {
      method: "mobile",
      network: "vodacom",
      status: "completed",
      amountMinor: 2_000_000,
      registerId,
      shiftId: shift.id,
    });
    await seedPayment(
      db,
      {
        method: "mobile",
        network: "airtel",
        status: "completed",
        amountMinor: 300_000,
        registerId,
        shiftId: shift.id,
      },
      "api",
    );
    await seedPayment(db, { status: "pending", registerId, shiftId: shift.id });
    await seedPayment(
      db,
      { status: "completed", amountMinor: 700_000, paidAfterExpiry: true, registerId, shiftId: shift.id },
      "poll",
    );
    await seedRefund(db, mpesa, { amountMinor: 500_000, shiftId: shift.id, registerId });
    await seedRefund(db, cash.id, { amountMinor: 200_000, shiftId: shift.id, registerId });
    await seedRefund(db, cash.id, { amountMinor: 100_000, shiftId: shift.id, registerId, status: "failed" });

    const live = (await (await cashier.call(currentShiftRoute.GET, "GET", "/api/shifts/current")).json()) as {
      report: ZReport;
    };
    expect(live.report.cash).toMatchObject({ expected: "60000", counted: null });

    const closed = await cashier.call(closeShiftRoute.POST, "POST", `/api/shifts/${shift.id}/close`, {
      params: { id: shift.id },
      body: { counted_cash: "59500" },
    });
    expect(closed.status).toBe(200);
    const report = (await closed.json()) as ZReport;
    expect(report.shift).toMatchObject({ status: "closed", counted_cash: "59500" });
    expect(report.cash).toEqual({
      currency: "TZS",
      opening_float: "50000",
      cash_sales: "12000",
      cash_refunds: "2000",
      expected: "60000",
      counted: "59500",
      difference: "-500",
    });
    expect(report.currencies).toEqual([
      {
        currency: "TZS",
        channels: [
          { channel: "mpesa", count: 1, gross: "20000", refunded: "5000", fees: "0", net: "15000" },
          { channel: "paygrid-qr", count: 1, gross: "7000", refunded: "0", fees: "0", net: "7000" },
          { channel: "cash", count: 1, gross: "12000", refunded: "2000", fees: "0", net: "10000" },
        ],
        total: { count: 3, gross: "39000", refunded: "7000", fees: "0", net: "32000" },
      },
    ]);
    expect(report.late_payments).toHaveLength(1);
    expect(report.open_payments).toHaveLength(1);
    expect(report.unconfirmed_payments.map((p) => p.channel)).toEqual(["airtel"]);

    const again = await cashier.call(closeShiftRoute.POST, "POST", `/api/shifts/${shift.id}/close`, {
      params: { id: shift.id },
      body: { counted_cash: "60000" },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("SHIFT_CLOSED");

    // Frozen: a sale made after the close is not in the closed shift's report, and goes to no shift.
    const after = (await (await sell(cashier, cashSale({ amount: "999" }), "after-close")).json()) as Payment;
    expect(after.shift_id).toBeNull();
    const read = await cashier.call(shiftRoute.GET, "GET", `/api/shifts/${shift.id}`, {
      params: { id: shift.id },
    });
    expect(((await read.json()) as ZReport).currencies[0]!.total.count).toBe(3);
    const [row] = await database.db.select().from(shifts).where(eq(shifts.id, shift.id));
    expect(row!.countedCashMinor).toBe(5_950_000);
  });

  it("lets a cashier read and close only their register's shifts; a manager any", async () => {
    const opened = await otherTill.call(shiftsRoute.POST, "POST", "/api/shifts", {
      body: { opening_float: "0" },
    });
    const { shift } = (await opened.json()) as ZReport;
    const foreign = await cashier.call(shiftRoute.GET, "GET", `/api/shifts/${shift.id}`, {
      params: { id: shift.id },
    });
    expect(foreign.status).toBe(404);
    const bad = await otherTill.call(closeShiftRoute.POST, "POST", `/api/shifts/${shift.id}/close`, {
      params: { id: shift.id },
      body: { counted_cash: "12.345" },
    });
    expect(bad.status).toBe(400);
    const byOwner = await owner.call(closeShiftRoute.POST, "POST", `/api/shifts/${shift.id}/close`, {
      params: { id: shift.id },
      body: { counted_cash: "0" },
    });
    expect(byOwner.status).toBe(200);
    expect(((await byOwner.json()) as ZReport).cash.difference).toBe("0");
  });
});
