import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as paymentRefundsRoute from "@/app/api/payments/[id]/refunds/route";
import * as paymentRoute from "@/app/api/payments/[id]/route";
import * as paymentsRoute from "@/app/api/payments/route";
import { payments, refunds } from "@/lib/server/db/schema";
import { resetEnvForTests } from "@/lib/server/env";
import { resetProviderAdaptersForTests } from "@/lib/server/providers/registry";
import type { AppClient } from "@/test/app-client";
import { testStores } from "@/test/databases";
import { startHarness, type Harness } from "@/test/payments-harness";
import { qrSale } from "@/test/sales";
import { addStaff, OWNER, openShop, ownerClient, pairedDevice, signInWithPin } from "@/test/shop";

// POST /api/payments/:id/refunds through the route, as the register calls it: a cashier is refused unless
// a manager approves on the spot (PIN or password, throttled like a sign-in), and bad input writes nothing.

describe.each(testStores())("refund route on $name", (store) => {
  let h: Harness;
  let cleanup = () => {};
  let cashier: AppClient;
  let managerId: string;
  let n = 0;

  beforeAll(async () => {
    h = await startHarness(store);
    ({ cleanup } = await openShop(h.database, { PAYGRID_BASE_URL: `${h.sandboxUrl}/api/v1` }));
    resetProviderAdaptersForTests();
    const owner = await ownerClient("10.8.0.1");
    const cashierId = await addStaff(owner, { name: "Zawadi", role: "cashier", pin: "8642" });
    managerId = await addStaff(owner, {
      name: "Meneja",
      role: "manager",
      pin: "1122",
      email: "meneja@duka.tz",
      password: "manager-password-9",
    });
    const till = await pairedDevice(owner, "Till R", "10.8.0.2");
    cashier = till.device;
    expect((await signInWithPin(cashier, cashierId, "8642")).status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    cleanup();
    resetEnvForTests();
    resetProviderAdaptersForTests();
    await h.close();
  });

  /** A sale rung up by the cashier and paid at the sandbox. */
  async function paidSale(): Promise<string> {
    const created = await cashier.call(paymentsRoute.POST, "POST", "/api/payments", {
      body: qrSale(),
      headers: { "idempotency-key": `sale-${(n += 1)}-${Math.random()}` },
    });
    expect(created.status).toBe(201);
    const sale = (await created.json()) as { id: string; provider_payment_id: string };
    expect((await h.control(sale.provider_payment_id, "complete")).status).toBe(200);
    // This shop's webhooks go nowhere; mark our row as the webhook would (the payments tests cover that path).
    await h.database.db
      .update(payments)
      .set({ status: "completed", completedAt: new Date() })
      .where(eq(payments.id, sale.id));
    return sale.id;
  }

  const ask = (id: string, body: unknown, key = `rf-${(n += 1)}`) =>
    cashier.call(paymentRefundsRoute.POST, "POST", `/api/payments/${id}/refunds`, {
      params: { id },
      body,
      headers: { "idempotency-key": key },
    });

  const refundCount = async (id: string) =>
    (await h.database.db.select().from(refunds).where(eq(refunds.paymentId, id))).length;

  it("refuses a cashier without a manager's approval, or with a wrong one, writing nothing", async () => {
    const id = await paidSale();
    const bare = await ask(id, { amount: "100", reason: "customer_request" });
    expect(bare.status).toBe(403);
    const wrongPin = await ask(id, {
      amount: "100",
      reason: "customer_request",
      approval: { staff_id: managerId, pin: "9999" },
    });
    expect(wrongPin.status).toBe(403);
    // A cashier's own PIN approves nothing.
    const wrongPassword = await ask(id, {
      amount: "100",
      reason: "customer_request",
      approval: { email: OWNER.email, password: "not-it" },
    });
    expect(wrongPassword.status).toBe(403);
    expect(await refundCount(id)).toBe(0);
  });

  it("gives back with a manager's PIN on the spot and records who approved", async () => {
    const id = await paidSale();
    const response = await ask(id, {
      amount: "2000",
      reason: "customer_request",
      note: "Wrong size",
      approval: { staff_id: managerId, pin: "1122" },
    });
    expect(response.status).toBe(201);
    const refund = (await response.json()) as Record<string, unknown>;
    expect(refund).toMatchObject({
      payment_id: id,
      amount: "2000",
      currency: "TZS",
      reason: "customer_request",
      note: "Wrong size",
      status: "succeeded",
      created_by: { kind: "staff", name: "Zawadi" },
      approved_by: managerId,
    });
    const payment = (await (
      await cashier.call(paymentRoute.GET, "GET", `/api/payments/${id}`, { params: { id } })
    ).json()) as { status: string; amount_refunded: string };
    expect(payment).toMatchObject({ status: "partially_refunded", amount_refunded: "2000" });

    const byPassword = await ask(id, {
      amount: "3000",
      reason: "other",
      approval: { email: "meneja@duka.tz", password: "manager-password-9" },
    });
    expect(byPassword.status).toBe(201);
    const list = (await (
      await cashier.call(paymentRefundsRoute.GET, "GET", `/api/payments/${id}/refunds`, { params: { id } })
    ).json()) as { data: { amount: string }[] };
    expect(list.data.map((r) => r.amount)).toEqual(["2000", "3000"]);
  });

  it("answers bad input with 400 before anything is written or sent", async () => {
    const id = await paidSale();
    const approval = { staff_id: managerId, pin: "1122" };
    for (const body of [
      { amount: "-1", reason: "other", approval },
      { amount: "0", reason: "other", approval },
      { amount: "10.005", reason: "other", approval },
      { amount: 100, reason: "other", approval },
      { amount: "100", reason: "because", approval },
      { amount: "100", approval },
    ]) {
      const response = await ask(id, body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_ERROR");
    }
    const noKey = await cashier.call(paymentRefundsRoute.POST, "POST", `/api/payments/${id}/refunds`, {
      params: { id },
      body: { amount: "100", reason: "other", approval },
    });
    expect(noKey.status).toBe(400);
    expect(await refundCount(id)).toBe(0);
  });
});
