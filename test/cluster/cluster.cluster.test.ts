import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createdSale, createSale, sendWebhook, signIn, type Created } from "./cluster-api";
import { startCountingProxy, startWebhookReceiver, type CountingProxy } from "./counting-proxy";
import { SANDBOX_API_KEY, startInstance, startSandbox, stop, waitForStatus, type Child } from "./processes";
import { openStream } from "./sse-client";

// README "Running several instances", shown: three production-build instances on one fresh PostgreSQL
// database, a shared PayGrid sandbox behind a proxy that counts what reaches the provider, and a merchant
// endpoint that counts deliveries. Every case asserts counts; waits poll for a condition, never sleep.

const BASE_PORT = 3600 + inject("clusterPortOffset");
const adminUrl = inject("testDatabaseUrl");
const dbName = `malipo_ops_cluster_${Date.now()}`;
const dbUrl = (() => {
  const url = new URL(adminUrl || "postgres://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${dbName}`;
  return url.toString();
})();

let admin: pg.Client;
let sandbox: Child;
let proxy: CountingProxy;
// C reads the provider through a proxy of its own, so one test can make C's provider slow.
let proxyC: CountingProxy;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const instances: Child[] = [];
let cookie: string;

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    return (await db.query(text, values)).rows as T[];
  } finally {
    await db.end();
  }
}

/** A `select count(*)::int as n …` query's number. */
async function countRows(text: string, values: unknown[] = []): Promise<number> {
  return (await query<{ n: number }>(text, values))[0]!.n;
}

/** Completes a payment at the provider; its webhook is dropped, so only a status check learns of it. */
async function completeAtProvider(sale: Created): Promise<number> {
  const response = await fetch(`${sandbox.url}/control/payments/${sale.provider_payment_id}/complete`, {
    method: "POST",
    headers: { authorization: `Bearer ${SANDBOX_API_KEY}` },
  });
  await response.arrayBuffer();
  return response.status;
}

const A = () => instances[0]!.url;
const B = () => instances[1]!.url;
const C = () => instances[2]!.url;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  sandbox = startSandbox(
    BASE_PORT + 10,
    [0, 1, 2].map((i) => `http://127.0.0.1:${BASE_PORT + i}`),
  );
  await waitForStatus(`${sandbox.url}/control/settings`, 401);
  // Webhooks from the sandbox are dropped: every status change in these tests comes from us or the reconciler.
  await fetch(`${sandbox.url}/control/settings`, {
    method: "PUT",
    headers: { "content-type": "application/json", authorization: `Bearer ${SANDBOX_API_KEY}` },
    body: JSON.stringify({ webhookFaults: { drop: 1 } }),
  });
  proxy = await startCountingProxy(BASE_PORT + 11, sandbox.url);
  proxyC = await startCountingProxy(BASE_PORT + 12, sandbox.url);
  receiver = await startWebhookReceiver(BASE_PORT + 13);
  // All three at once: they race for the migration lock.
  for (let i = 0; i < 3; i++) {
    instances.push(
      startInstance({
        port: BASE_PORT + i,
        databaseUrl: dbUrl,
        paygridBaseUrl: `${(i === 2 ? proxyC : proxy).url}/api/v1`,
        merchantWebhookUrl: receiver.url,
      }),
    );
  }
  await Promise.all(instances.map((instance) => waitForStatus(`${instance.url}/api/ready`, 200)));
  cookie = await signIn(A());
}, 240_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => stop(instance)));
  if (sandbox) await stop(sandbox);
  await proxy?.close();
  await proxyC?.close();
  await receiver?.close();
  await admin?.query(`drop database if exists ${dbName} with (force)`);
  await admin?.end();
});

describe("three instances on one PostgreSQL", () => {
  it("applied the migrations exactly once although all three started together", async () => {
    const journal = JSON.parse(
      fs.readFileSync(path.resolve("lib/server/db/migrations/meta/_journal.json"), "utf8"),
    ) as { entries: { tag: string }[] };
    const applied = await query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(applied[0]!.n).toBe(journal.entries.length);
    const owners = await query<{ n: number }>("select count(*)::int as n from staff where role = 'owner'");
    expect(owners[0]!.n).toBe(1);
  });

  it("carries a webhook received by A to streams on B and C within a second, and replays after B dies", async () => {
    const sale = await createdSale(A(), cookie);
    const headers = { cookie };
    const onB = await openStream(`${B()}/api/payments/${sale.id}/events`, headers);
    const onC = await openStream(`${C()}/api/payments/${sale.id}/events`, headers);
    await expect.poll(() => onB.frames.filter((f) => f.event === "payment").length).toBe(1);
    await expect.poll(() => onC.frames.filter((f) => f.event === "payment").length).toBe(1);

    // Measured from A's answer: by then the status change and its NOTIFY are committed.
    expect((await sendWebhook(A(), sale, "processing")).status).toBe(200);
    const sent = performance.now();
    await expect.poll(() => onB.frames.filter((f) => f.data?.status === "processing").length).toBe(1);
    await expect.poll(() => onC.frames.filter((f) => f.data?.status === "processing").length).toBe(1);
    for (const stream of [onB, onC]) {
      const frame = stream.frames.find((f) => f.data?.status === "processing")!;
      expect(frame.at - sent).toBeLessThan(1000);
    }
    const lastSeenOnB = onB.frames.findLast((f) => f.id !== undefined)!.id!;
    onB.close();
    onC.close();

    // B is killed; the status moves on while the client is away; it reconnects to C with Last-Event-ID.
    await stop(instances[1]!, "SIGKILL");
    expect((await sendWebhook(A(), sale, "completed")).status).toBe(200);
    const resumed = await openStream(`${C()}/api/payments/${sale.id}/events`, {
      ...headers,
      "last-event-id": String(lastSeenOnB),
    });
    await resumed.ended;
    expect(resumed.frames.filter((f) => f.event === "payment").map((f) => f.data?.status)).toEqual([
      "completed",
    ]);

    instances[1] = startInstance({
      port: BASE_PORT + 1,
      databaseUrl: dbUrl,
      paygridBaseUrl: `${proxy.url}/api/v1`,
      merchantWebhookUrl: receiver.url,
    });
    await waitForStatus(`${B()}/api/ready`, 200);
  });

  it("makes one provider payment of a create on A retried with the same key on B", async () => {
    const key = randomUUID();
    const first = await createSale(A(), cookie, key);
    const again = await createSale(B(), cookie, key);
    expect(first.status).toBe(201);
    expect(again.status).toBeLessThan(300);
    const [a, b] = [(await first.json()) as Created, (await again.json()) as Created];
    expect(b.id).toBe(a.id);
    expect(b.provider_payment_id).toBe(a.provider_payment_id);
    const rows = await query<{ n: number }>(
      "select count(*)::int as n from payments where idempotency_key = $1",
      [key],
    );
    expect(rows[0]!.n).toBe(1);
    // What reached the provider: creates under this payment's provider key, all one payment.
    const providerPayments = await fetch(`${sandbox.url}/api/v1/payments/${a.provider_payment_id}`, {
      headers: { authorization: `Bearer ${SANDBOX_API_KEY}` },
    });
    expect(providerPayments.status).toBe(200);
    expect([...proxy.creates.values(), ...proxyC.creates.values()].every((n) => n === 1)).toBe(true);
  });

  it(
    "heals 200 stale payments with the reconcilers of all three, each payment read once per round",
    {
      timeout: 240_000,
    },
    async () => {
      const sales: Created[] = [];
      for (let batch = 0; batch < 10; batch++) {
        sales.push(
          ...(await Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              createdSale(instances[i % 3]!.url, cookie, 2000 + batch * 20 + i),
            ),
          )),
        );
      }
      for (let i = 0; i < sales.length; i += 20) {
        const done = await Promise.all(sales.slice(i, i + 20).map(completeAtProvider));
        expect(done.filter((status) => status === 200)).toHaveLength(done.length);
      }
      proxy.reset();
      proxyC.reset();
      const ids = sales.map((s) => s.id);
      // Their webhooks were lost: all 200 are due for a check now.
      await query("update payments set next_check_at = now() - interval '1 minute' where id = any($1)", [
        ids,
      ]);
      await expect
        .poll(
          () =>
            countRows("select count(*)::int as n from payments where id = any($1) and status = 'completed'", [
              ids,
            ]),
          { timeout: 90_000, interval: 500 },
        )
        .toBe(200);
      // Each round reads each due payment once: no payment's answer reached two instances. (A read an
      // instance gave up on, on a loaded machine, is rightly made again later; the figure says how many.)
      const count = (map: Map<string, number>, s: Created) => map.get(s.provider_payment_id) ?? 0;
      const answered = sales.map((s) => count(proxy.answeredReads, s) + count(proxyC.answeredReads, s));
      const reads = sales.map((s) => count(proxy.reads, s) + count(proxyC.reads, s));
      const histogram = (list: number[]) =>
        Object.fromEntries([...new Set(list)].sort().map((n) => [n, list.filter((m) => m === n).length]));
      expect({ answered: histogram(answered), reads: histogram(reads) }).toMatchObject({
        answered: { 1: 200 },
      });
    },
  );

  it("delivers each merchant webhook from the outbox once although three instances deliver", async () => {
    const ids = Array.from({ length: 60 }, () => `msg_cluster_${randomUUID()}`);
    await query(
      `insert into merchant_webhook_outbox (id, checkout_session_id, event_type, payload, url)
       select id, 'cs_cluster', 'checkout.session.completed', '{"cluster":true}'::jsonb, $2
       from unnest($1::text[]) as id`,
      [ids, receiver.url],
    );
    await expect
      .poll(
        () =>
          countRows(
            "select count(*)::int as n from merchant_webhook_outbox where id = any($1) and delivered_at is not null",
            [ids],
          ),
        { timeout: 30_000, interval: 250 },
      )
      .toBe(60);
    expect(ids.map((id) => receiver.deliveries.get(id))).toEqual(ids.map(() => 1));
  });

  it("refuses on B a session signed out on A, and shares sign-in throttling", async () => {
    const session = await signIn(A());
    expect((await fetch(`${B()}/api/me`, { headers: { cookie: session } })).status).toBe(200);
    expect(
      (await fetch(`${A()}/api/session`, { method: "DELETE", headers: { cookie: session } })).status,
    ).toBeLessThan(300);
    expect((await fetch(`${B()}/api/me`, { headers: { cookie: session } })).status).toBe(401);

    const wrong = (base: string) =>
      fetch(`${base}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "nobody@cluster.malipo.local", password: "wrong-password-123" }),
      });
    // Ten failures lock the account (PASSWORD_RULE): nine spread over the three instances, the tenth on
    // C locks it, and B refuses the next at once: the count lives in the database.
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await wrong(instances[i % 3]!.url)).status);
    expect(statuses).toEqual(Array.from({ length: 9 }, () => 401));
    expect((await wrong(C())).status).toBe(429);
    expect((await wrong(B())).status).toBe(429);
  });

  it("loses nothing when an instance is SIGKILLed mid-traffic: the others take over its leases", async () => {
    const sales: Created[] = [];
    for (let batch = 0; batch < 3; batch++) {
      sales.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, i) => createdSale(A(), cookie, 5000 + batch * 20 + i)),
        )),
      );
    }
    await Promise.all(sales.map(completeAtProvider));
    // C's provider hangs: C is caught holding leases when it dies.
    proxyC.setReadDelayMs(120_000);
    const ids = sales.map((s) => s.id);
    await query("update payments set next_check_at = now() - interval '1 minute' where id = any($1)", [ids]);
    const traffic = Array.from({ length: 20 }, (_, i) =>
      createSale(instances[i % 2]!.url, cookie).catch(() => null),
    );
    await expect.poll(() => proxyC.readsInFlight(), { timeout: 20_000 }).toBeGreaterThan(0);
    await stop(instances[2]!, "SIGKILL");
    const heldByC = await query<{ id: string }>(
      "select id from payments where id = any($1) and status <> 'completed' and lease_until > now()",
      [ids],
    );
    expect(heldByC.length).toBeGreaterThan(0);
    const answers = await Promise.all(traffic);
    // Every create that was answered 201 is in the database.
    const created = await Promise.all(
      answers.filter((r) => r?.status === 201).map(async (r) => ((await r!.json()) as Created).id),
    );
    const stored = await query<{ n: number }>("select count(*)::int as n from payments where id = any($1)", [
      created,
    ]);
    expect(stored[0]!.n).toBe(created.length);
    // Leases of the dead instance expire and A and B complete every payment.
    await expect
      .poll(
        () =>
          countRows("select count(*)::int as n from payments where id = any($1) and status = 'completed'", [
            ids,
          ]),
        { timeout: 90_000, interval: 1000 },
      )
      .toBe(60);
    expect(
      await countRows("select count(*)::int as n from payments where id = any($1) and lease_until > now()", [
        ids,
      ]),
    ).toBe(0);
  });
});
