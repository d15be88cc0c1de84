import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkoutSessions, payments } from "@/lib/server/db/schema";
import * as checkoutSessionsRoute from "@/app/api/checkout-sessions/route";
import * as checkoutSessionRoute from "@/app/api/checkout-sessions/[id]/route";
import * as expireRoute from "@/app/api/checkout-sessions/[id]/expire/route";
import type { CheckoutSession, CheckoutSessionList } from "@/lib/api-contract";
import { testStores } from "@/test/databases";
import { openMerchantShop, type MerchantShop } from "@/test/merchant-shop";

// The merchant API's sessions: list (filters, cursor pagination), expire, expires_at, metadata and
// client_reference_id (docs/api.md "Merchant API").

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

describe.each(testStores())("merchant checkout sessions on $name", (store) => {
  let shop: MerchantShop;
  beforeAll(async () => {
    shop = await openMerchantShop(store);
  }, 240_000);
  afterAll(async () => shop?.close());

  const list = async (query: string) => {
    const response = await shop.merchant.call(
      checkoutSessionsRoute.GET,
      "GET",
      `/api/checkout-sessions?${query}`,
    );
    return {
      status: response.status,
      body: (await response.json()) as CheckoutSessionList & { error?: { fields?: { path: string }[] } },
    };
  };

  const expire = (id: string) =>
    shop.merchant.call(expireRoute.POST, "POST", `/api/checkout-sessions/${id}/expire`, { params: { id } });

  it("pages through 250 sessions newest first without losing or repeating one", async () => {
    const from = new Date(Date.now() - 1).toISOString();
    const made: string[] = [];
    for (let i = 0; i < 250; i += 1) {
      made.push((await shop.createSession({ reference: `PAGE-${i}` })).id);
    }
    const seen: CheckoutSession[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(
        `created_from=${encodeURIComponent(from)}&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.data);
      cursor = page.body.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((s) => s.id).sort()).toEqual([...made].sort());
    const times = seen.map((s) => s.created_at);
    expect([...times].sort().reverse()).toEqual(times);
  }, 240_000);

  it("filters by status, reference, client_reference_id and creation time", async () => {
    const before = new Date(Date.now() - 1).toISOString();
    const open = await shop.createSession({ reference: "FILTER-OPEN", client_reference_id: "order 7/α" });
    const gone = await shop.createSession({ reference: "FILTER-GONE" });
    expect((await expire(gone.id)).status).toBe(200);
    const paid = await shop.createSession({ reference: "FILTER-PAID" });
    const payment = await shop.pay(paid.id);
    await shop.h.control(payment.provider_payment_id!, "complete");
    await expect
      .poll(
        async () =>
          (
            await shop.h.database.db.select().from(checkoutSessions).where(eq(checkoutSessions.id, paid.id))
          )[0]?.status,
        { timeout: 10_000 },
      )
      .toBe("completed");
    const since = `created_from=${encodeURIComponent(before)}`;
    const ids = async (q: string) => (await list(`${since}&${q}`)).body.data.map((s) => s.id);
    expect(await ids("status=open")).toEqual([open.id]);
    expect(await ids("status=expired")).toEqual([gone.id]);
    expect(await ids("status=completed")).toEqual([paid.id]);
    expect(await ids("reference=FILTER-GONE")).toEqual([gone.id]);
    expect(await ids(`client_reference_id=${encodeURIComponent("order 7/α")}`)).toEqual([open.id]);
    expect(await ids(`created_to=${encodeURIComponent(before)}`)).toEqual([]);
  }, 60_000);

  it.each([
    ["an unknown parameter", "stauts=open", "stauts"],
    ["a limit over 100", "limit=101", "limit"],
    ["a bad cursor", "cursor=bm9wZQ", "cursor"],
    ["a bad status", "status=paid", "status"],
    ["a bad time", "created_from=yesterday", "created_from"],
  ])("refuses %s with the field's path", async (_, query, path) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.error?.fields?.map((f) => f.path)).toContain(path);
  });

  it("expires an open session, and answers 409 for a paid or already expired one without changing it", async () => {
    const session = await shop.createSession();
    const live = await shop.pay(session.id);
    const expired = await expire(session.id);
    expect(expired.status).toBe(200);
    expect(((await expired.json()) as CheckoutSession).status).toBe("expired");
    // The live attempt was superseded: the shopper's screen stops offering the QR.
    const [attempt] = await shop.h.database.db.select().from(payments).where(eq(payments.id, live.id));
    expect(["expired", "cancelled"]).toContain(attempt?.status);
    const again = await expire(session.id);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("SESSION_NOT_OPEN");

    const paid = await shop.createSession();
    const payment = await shop.pay(paid.id);
    await shop.h.control(payment.provider_payment_id!, "complete");
    await expect
      .poll(
        async () =>
          (
            await shop.h.database.db.select().from(checkoutSessions).where(eq(checkoutSessions.id, paid.id))
          )[0]?.status,
        { timeout: 10_000 },
      )
      .toBe("completed");
    const refused = await expire(paid.id);
    expect(refused.status).toBe(409);
    const [row] = await shop.h.database.db
      .select()
      .from(checkoutSessions)
      .where(eq(checkoutSessions.id, paid.id));
    expect(row?.status).toBe("completed");
    expect((await expire("cs_doesnotexist0000")).status).toBe(404);
  }, 60_000);

  it("stores expires_at, metadata and client_reference_id and returns them on read", async () => {
    const expiresAt = inMinutes(90);
    const metadata = { order_id: "7781", channel: "web", note: "x".repeat(500) };
    const created = await shop.createSession({
      expires_at: expiresAt,
      metadata,
      client_reference_id: "cart-42",
    });
    expect(created).toMatchObject({ metadata, client_reference_id: "cart-42", livemode: false });
    expect(Date.parse(created.expires_at)).toBe(Date.parse(expiresAt));
    const read = await shop.merchant.call(
      checkoutSessionRoute.GET,
      "GET",
      `/api/checkout-sessions/${created.id}`,
      {
        params: { id: created.id },
      },
    );
    expect((await read.json()) as CheckoutSession).toMatchObject({
      metadata,
      client_reference_id: "cart-42",
    });
  });

  it.each([
    ["expires_at under 5 minutes", { expires_at: inMinutes(4) }, "expires_at"],
    ["expires_at over 7 days", { expires_at: inMinutes(7 * 24 * 60 + 5) }, "expires_at"],
    [
      "21 metadata keys",
      { metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) },
      "metadata",
    ],
    ["a 41-character metadata key", { metadata: { ["k".repeat(41)]: "v" } }, "metadata"],
    ["a 501-character metadata value", { metadata: { note: "v".repeat(501) } }, "metadata.note"],
    ["a number as a metadata value", { metadata: { n: 1 } }, "metadata.n"],
    ["a 201-character client_reference_id", { client_reference_id: "c".repeat(201) }, "client_reference_id"],
  ])("refuses %s and stores nothing", async (_, over, path) => {
    const before = (await shop.h.database.db.select().from(checkoutSessions)).length;
    const response = await shop.merchant.call(checkoutSessionsRoute.POST, "POST", "/api/checkout-sessions", {
      body: {
        amount: "100",
        currency: "TZS",
        reference: "BAD",
        success_url: "https://s.example/a",
        cancel_url: "https://s.example/b",
        ...over,
      },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: { path: string }[] } };
    expect(body.error.fields.some((f) => f.path.startsWith(path))).toBe(true);
    expect((await shop.h.database.db.select().from(checkoutSessions)).length).toBe(before);
  });
});
