import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkoutSessions, merchantWebhookOutbox, payments } from "@/lib/server/db/schema";
import { loadOwnedPayment } from "@/lib/server/payments/payment-access";
import { deliverDueMerchantWebhooks } from "@/lib/server/webhooks/deliver-merchant-webhooks";
import { testStores } from "@/test/databases";
import { rejection } from "@/test/rejection";
import { startHarness, type Harness } from "@/test/payments-harness";
import { createCheckoutSession, createSessionPayment } from "@/test/checkout-calls";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function merchantServer(answers: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const sessionBody = (over: Record<string, unknown> = {}) => ({
  amount: "12500",
  currency: "TZS",
  reference: "ORDER-100",
  description: "Two kanga",
  line_items: [{ name: "Kanga", quantity: 2, unit_amount: "6250" }],
  success_url: "https://shop.example.com/thanks",
  cancel_url: "https://shop.example.com/cart",
  ...over,
});

const shopper = {
  provider: "paygrid",
  method: "dynamic-qr",
  phone: "0712345678",
  customer: { firstname: "Neema", lastname: "Joseph", email: "neema@example.com" },
};

describe.each(testStores())("checkout sessions on $name", (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(store);
  });
  afterAll(async () => h.close());

  it("creates a session with exact amounts and replays it for the same key", async () => {
    const first = await createCheckoutSession(h.database.db, "merchant", sessionBody(), "sess-key-1");
    expect(first.created).toBe(true);
    expect(first.session.id).toMatch(/^cs_/);
    expect(first.session.amountMinor).toBe(1_250_000);
    const again = await createCheckoutSession(h.database.db, "merchant", sessionBody(), "sess-key-1");
    expect(again.created).toBe(false);
    expect(again.session.id).toBe(first.session.id);
    const reused = await rejection(
      createCheckoutSession(
        h.database.db,
        "merchant",
        sessionBody({ amount: "1", line_items: undefined }),
        "sess-key-1",
      ),
    );
    expect(reused.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it.each([
    ["a javascript: success_url", { success_url: "javascript:alert(1)" }, "success_url"],
    ["an ftp cancel_url", { cancel_url: "ftp://shop.example.com" }, "cancel_url"],
    ["a float amount", { amount: 12500.5 }, "amount"],
    ["too many decimals", { amount: "12500.555", line_items: undefined }, "amount"],
    ["items that do not add up", { amount: "12000" }, "line_items"],
    ["an unknown field", { discount: "100" }, ""],
  ])("refuses %s and stores nothing", async (_, over, path) => {
    const before = (await h.database.db.select().from(checkoutSessions)).length;
    const error = await createCheckoutSession(h.database.db, "merchant", sessionBody(over), null).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "ZodError" });
    const paths = (error as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join("."));
    expect(paths.some((p) => p.startsWith(path))).toBe(true);
    expect((await h.database.db.select().from(checkoutSessions)).length).toBe(before);
  });

  it("charges the session's amount whatever the shopper sends, and resumes the live attempt", async () => {
    const { session } = await createCheckoutSession(
      h.database.db,
      "merchant",
      sessionBody({ reference: "ORDER-200" }),
      null,
    );
    await expect(
      createSessionPayment(
        h.database.db,
        () => h.adapter,
        session.id,
        { ...shopper, amount: "1" },
        "pay-key-1",
      ),
    ).rejects.toMatchObject({ name: "ZodError" });
    const { payment, created } = await createSessionPayment(
      h.database.db,
      () => h.adapter,
      session.id,
      shopper,
      "pay-key-1",
    );
    expect(created).toBe(true);
    expect(payment.amountMinor).toBe(1_250_000);
    expect(payment.reference).toBe("ORDER-200-1");
    expect(payment.ownerScope).toBe(`checkout:${session.id}`);
    // The same link reopened on another tab (a new key) gets the same live attempt back.
    const resumed = await createSessionPayment(
      h.database.db,
      () => h.adapter,
      session.id,
      shopper,
      "pay-key-2",
    );
    expect(resumed.payment.id).toBe(payment.id);
    expect(resumed.created).toBe(false);
  });

  it("lets a shopper read only their own session's payments", async () => {
    const a = await createCheckoutSession(
      h.database.db,
      "merchant",
      sessionBody({ reference: "ORDER-A" }),
      null,
    );
    const b = await createCheckoutSession(
      h.database.db,
      "merchant",
      sessionBody({ reference: "ORDER-B" }),
      null,
    );
    const { payment } = await createSessionPayment(
      h.database.db,
      () => h.adapter,
      a.session.id,
      shopper,
      "pay-key-a",
    );
    await expect(
      loadOwnedPayment(h.database.db, payment.id, `checkout:${a.session.id}`),
    ).resolves.toMatchObject({ id: payment.id });
    const error = await rejection(loadOwnedPayment(h.database.db, payment.id, `checkout:${b.session.id}`));
    expect(error.status).toBe(404);
    expect((await rejection(loadOwnedPayment(h.database.db, payment.id, "register:someone"))).status).toBe(
      404,
    );
  });

  it("signs the merchant webhook, retries after a 500, and delivers once across a restart", async () => {
    // Two messages leave for a paid session (checkout.payment.completed, checkout.session.completed).
    const merchant = await merchantServer([500, 500]);
    try {
      const { session } = await createCheckoutSession(
        h.database.db,
        "merchant",
        sessionBody({ reference: "ORDER-WH", webhook_url: merchant.url }),
        null,
      );
      const { payment } = await createSessionPayment(
        h.database.db,
        () => h.adapter,
        session.id,
        shopper,
        "pay-key-wh",
      );
      await h.control(payment.providerPaymentId!, "complete");
      await expect
        .poll(
          async () =>
            (await h.database.db.select().from(payments).where(eq(payments.id, payment.id)))[0]?.status,
          {
            timeout: 10_000,
          },
        )
        .toBe("completed");
      const [sessionRow] = await h.database.db
        .select()
        .from(checkoutSessions)
        .where(eq(checkoutSessions.id, session.id));
      expect(sessionRow?.status).toBe("completed");

      // First attempt: the merchant answers 500, so the message is kept for a retry.
      expect(
        await deliverDueMerchantWebhooks(h.database.db, { secret: SECRET, retryDelaysSeconds: [1, 1] }),
      ).toEqual({
        delivered: 0,
        retrying: 2,
        dead: 0,
      });
      // "Restart": nothing in memory survives; the outbox row in the database is all there is.
      const later = new Date(Date.now() + 2_000);
      expect(await deliverDueMerchantWebhooks(h.database.db, { secret: SECRET, now: later })).toMatchObject({
        delivered: 2,
      });
      expect(
        await deliverDueMerchantWebhooks(h.database.db, {
          secret: SECRET,
          now: new Date(Date.now() + 60_000),
        }),
      ).toEqual({
        delivered: 0,
        retrying: 0,
        dead: 0,
      });

      const mine = merchant.received.filter(
        (r) => r.body.includes(session.id) && r.body.includes('"type":"checkout.payment.completed"'),
      );
      expect(mine).toHaveLength(2);
      expect(mine[0]!.headers["webhook-id"]).toBe(mine[1]!.headers["webhook-id"]);
      const verified = new Webhook(SECRET).verify(
        mine[1]!.body,
        mine[1]!.headers as Record<string, string>,
      ) as {
        type: string;
        data: { checkout_session_id: string; payment: { amount: string; status: string } };
      };
      expect(verified.type).toBe("checkout.payment.completed");
      expect(verified.data.checkout_session_id).toBe(session.id);
      expect(verified.data.payment).toMatchObject({ amount: "12500", status: "completed" });
      // A tampered body does not verify.
      expect(() =>
        new Webhook(SECRET).verify(
          mine[1]!.body.replace("12500", "1"),
          mine[1]!.headers as Record<string, string>,
        ),
      ).toThrow();
      const [outbox] = await h.database.db
        .select()
        .from(merchantWebhookOutbox)
        .where(
          and(
            eq(merchantWebhookOutbox.checkoutSessionId, session.id),
            eq(merchantWebhookOutbox.eventType, "checkout.payment.completed"),
          ),
        );
      expect(outbox?.deliveredAt).not.toBeNull();
      expect(outbox?.attempts).toBe(2);
    } finally {
      await merchant.close();
    }
  });

  it("refuses new payments on a paid session", async () => {
    const [paid] = await h.database.db
      .select()
      .from(checkoutSessions)
      .where(eq(checkoutSessions.status, "completed"));
    const error = await rejection(
      createSessionPayment(h.database.db, () => h.adapter, paid!.id, shopper, "pay-key-late"),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});
