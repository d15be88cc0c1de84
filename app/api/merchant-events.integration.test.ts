import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/server/env";
import { checkoutSessions, payments } from "@/lib/server/db/schema";
import { expireDueSessions } from "@/lib/server/checkout/expire-sessions";
import { deliverDueMerchantWebhooks } from "@/lib/server/webhooks/deliver-merchant-webhooks";
import * as checkoutSessionsRoute from "@/app/api/checkout-sessions/route";
import * as eventsRoute from "@/app/api/events/route";
import * as paymentsRoute from "@/app/api/payments/route";
import type { MerchantEvent } from "@/lib/api-contract";
import { AppClient } from "@/test/app-client";
import { testStores } from "@/test/databases";
import { openMerchantShop, type MerchantShop } from "@/test/merchant-shop";

// Session lifecycle events (completed, expired, failed) beside checkout.payment.*, one envelope for all,
// the 30-day events list, the webhook carrying metadata, Malipo-Version and the key's mode.

async function merchantEndpoint() {
  const received: { headers: Record<string, string>; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe.each(testStores())("merchant events on $name", (store) => {
  let shop: MerchantShop;
  beforeAll(async () => {
    shop = await openMerchantShop(store);
  }, 240_000);
  afterAll(async () => shop?.close());

  const events = async (query: string) => {
    const response = await shop.merchant.call(eventsRoute.GET, "GET", `/api/events?${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: MerchantEvent[]; next_cursor: string | null }).data;
  };
  const sessionEvents = async (id: string) =>
    (await events(`checkout_session=${id}&limit=100`)).map((e) => e.type);
  const settled = (id: string, status: string) =>
    expect
      .poll(
        async () => (await shop.h.database.db.select().from(payments).where(eq(payments.id, id)))[0]?.status,
        {
          timeout: 10_000,
        },
      )
      .toBe(status);

  it("carries metadata from create to read to the signed webhook, with session.completed beside payment.completed", async () => {
    const endpoint = await merchantEndpoint();
    try {
      const metadata = { order_id: "A-77", customer_tier: "gold" };
      const session = await shop.createSession({
        metadata,
        client_reference_id: "cart-77",
        webhook_url: endpoint.url,
      });
      const payment = await shop.pay(session.id);
      await shop.h.control(payment.provider_payment_id!, "complete");
      await settled(payment.id, "completed");
      await deliverDueMerchantWebhooks(shop.h.database.db, { secret: getEnv().merchantWebhookSecret });
      const mine = endpoint.received.filter((r) => r.body.includes(session.id));
      const verified = mine.map(
        (r) => new Webhook(getEnv().merchantWebhookSecret).verify(r.body, r.headers) as MerchantEvent,
      );
      // Webhooks are at-least-once and unordered (docs/api.md#events): compare as a set.
      expect(verified.map((e) => e.type).sort()).toEqual([
        "checkout.payment.completed",
        "checkout.session.completed",
      ]);
      for (const event of verified) {
        expect(event.id).toMatch(/^evt_/);
        expect(event).toMatchObject({ livemode: false, api_version: "2026-12-01" });
        expect(event.data).toMatchObject({ metadata, client_reference_id: "cart-77", status: "completed" });
        expect(event.data.checkout_session).toMatchObject({ id: session.id, metadata, livemode: false });
      }
      expect(verified.find((e) => e.type === "checkout.payment.completed")?.data.payment).toMatchObject({
        id: payment.id,
        status: "completed",
        livemode: false,
      });
      // The events list answers the very bodies that were signed.
      const listed = await events(`checkout_session=${session.id}`);
      expect(listed.map((e) => e.id).sort()).toEqual(verified.map((e) => e.id).sort());
    } finally {
      await endpoint.close();
    }
  });

  it("fires checkout.session.expired after expires_at, once, even with two sweeps racing", async () => {
    const session = await shop.createSession({
      expires_at: new Date(Date.now() + 5 * 60_000 + 2_000).toISOString(),
    });
    const later = new Date(Date.now() + 6 * 60_000);
    await Promise.all([
      expireDueSessions(shop.h.database.db, later),
      expireDueSessions(shop.h.database.db, later),
    ]);
    expect(await sessionEvents(session.id)).toEqual(["checkout.session.expired"]);
    const [row] = await shop.h.database.db
      .select()
      .from(checkoutSessions)
      .where(eq(checkoutSessions.id, session.id));
    expect(row?.status).toBe("expired");
  });

  it("fires checkout.session.failed when the session closes and every attempt failed", async () => {
    const session = await shop.createSession({
      expires_at: new Date(Date.now() + 5 * 60_000 + 2_000).toISOString(),
    });
    const payment = await shop.pay(session.id);
    await shop.h.control(payment.provider_payment_id!, "fail");
    await settled(payment.id, "failed");
    // Still open for another try until its time runs out.
    await expireDueSessions(shop.h.database.db);
    expect(await sessionEvents(session.id)).toEqual(["checkout.payment.failed"]);
    await expireDueSessions(shop.h.database.db, new Date(Date.now() + 6 * 60_000));
    expect(await sessionEvents(session.id)).toEqual(["checkout.session.failed", "checkout.payment.failed"]);
  });

  it("lists events newest first by type, with a cursor, and refuses unknown parameters", async () => {
    const all = await events("limit=100");
    expect(all.length).toBeGreaterThan(3);
    const created = all.map((e) => e.created);
    expect([...created].sort().reverse()).toEqual(created);
    const expired = await events("type=checkout.session.expired");
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.every((e) => e.type === "checkout.session.expired")).toBe(true);
    const first = await shop.merchant.call(eventsRoute.GET, "GET", "/api/events?limit=1");
    const page = (await first.json()) as { data: MerchantEvent[]; next_cursor: string };
    const second = await events(`limit=1&cursor=${page.next_cursor}`);
    expect(second[0]?.id).toBe(all[1]?.id);
    const bad = await shop.merchant.call(eventsRoute.GET, "GET", "/api/events?since=yesterday");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('"path":"since"');
  });

  it("lets the key read the shop's checkout payments and none of the register's", async () => {
    const response = await shop.merchant.call(paymentsRoute.GET, "GET", "/api/payments?limit=100");
    expect(response.status).toBe(200);
    const list = (await response.json()) as { data: { checkout_session_id: string | null }[] };
    expect(list.data.length).toBeGreaterThan(0);
    expect(list.data.every((p) => p.checkout_session_id?.startsWith("cs_"))).toBe(true);
  });

  it("echoes Malipo-Version, and refuses an unknown one with the header's name", async () => {
    const plain = await shop.merchant.call(
      checkoutSessionsRoute.GET,
      "GET",
      "/api/checkout-sessions?limit=1",
    );
    expect(plain.headers.get("malipo-version")).toBe("2026-12-01");
    const pinned = await shop.merchant.call(
      checkoutSessionsRoute.GET,
      "GET",
      "/api/checkout-sessions?limit=1",
      {
        headers: { "malipo-version": "2026-12-01" },
      },
    );
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get("malipo-version")).toBe("2026-12-01");
    const unknown = await shop.merchant.call(checkoutSessionsRoute.GET, "GET", "/api/checkout-sessions", {
      headers: { "malipo-version": "2019-01-01" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("malipo-version")).toBe("2026-12-01");
    expect(JSON.stringify(await unknown.json())).toContain('"path":"Malipo-Version"');
  });

  it("refuses a live key on a sandbox Malipo with its own error", async () => {
    const live = new AppClient("198.51.100.99", "mk_live_0123456789abcdef0123");
    const response = await live.call(checkoutSessionsRoute.GET, "GET", "/api/checkout-sessions");
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("KEY_MODE_MISMATCH");
    expect(body.error.message).toContain("mk_test_");
    const wrong = new AppClient("198.51.100.98", "mk_test_not_the_key_at_all");
    expect((await wrong.call(checkoutSessionsRoute.GET, "GET", "/api/checkout-sessions")).status).toBe(401);
  });
});
