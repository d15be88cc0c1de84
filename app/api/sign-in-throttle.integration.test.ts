import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { authThrottle, staff } from "@/lib/server/db/schema";
import { openDatabase } from "@/lib/server/db/client";
import * as meRoute from "@/app/api/me/route";
import * as registerRoute from "@/app/api/registers/[id]/route";
import * as sessionRoute from "@/app/api/session/route";
import { AppClient, serveFrom } from "@/test/app-client";
import { testStores } from "@/test/databases";
import { openShop, OWNER, ownerClient, pairedDevice, signInWithPin } from "@/test/shop";
import {
  GLOBAL_FAILURE_CEILING,
  recordFailure,
  PASSWORD_RULE,
  throttleKeys,
} from "@/lib/server/auth/throttle";

const wrongPassword = (client: AppClient, email = OWNER.email, headers: Record<string, string> = {}) =>
  client.call(sessionRoute.POST, "POST", "/api/session", {
    body: { email, password: "wrong-password!" },
    headers,
  });

describe.each(testStores())("sign-in throttling on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  let cleanup: () => void;
  let demoPin: string;
  let cashierId: string;

  beforeAll(async () => {
    ({ database, drop } = await store.open());
    ({ demoPin, cleanup } = await openShop(database));
    const [cashier] = await database.db.select().from(staff).where(eq(staff.role, "cashier"));
    cashierId = cashier!.id;
  }, 180_000);
  afterAll(async () => {
    await drop();
    cleanup?.();
  });

  it("locks a register's PIN pad after 5 wrong PINs for 5 minutes, then 10", async () => {
    const owner = await ownerClient("192.0.2.50");
    const { device, registerId } = await pairedDevice(owner, "Till P", "192.0.2.51");
    const wrong = demoPin === "0000" ? "1111" : "0000";
    for (let i = 0; i < 4; i++) expect((await signInWithPin(device, cashierId, wrong)).status).toBe(401);
    const fifth = await signInWithPin(device, cashierId, wrong);
    expect(fifth.status).toBe(429);
    expect(Number(fifth.headers.get("retry-after"))).toBe(300);
    // Locked: even the right PIN waits, and says for how long.
    const locked = await signInWithPin(device, cashierId, demoPin);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    // The lock passes; five more wrong PINs lock it for twice as long.
    const key = throttleKeys.pinPad(registerId);
    await database.db
      .update(authThrottle)
      .set({ lockedUntil: new Date(Date.now() - 1) })
      .where(eq(authThrottle.key, key));
    for (let i = 0; i < 4; i++) await signInWithPin(device, cashierId, wrong);
    expect(Number((await signInWithPin(device, cashierId, wrong)).headers.get("retry-after"))).toBe(600);
    // Another register's pad is not affected.
    const other = await pairedDevice(owner, "Till Q", "192.0.2.52");
    expect((await signInWithPin(other.device, cashierId, demoPin)).status).toBe(201);
  });

  it("limits wrong passwords per account, whichever address they come from", async () => {
    const email = "target@duka.tz";
    for (let i = 0; i < 9; i++)
      expect((await wrongPassword(new AppClient(`10.1.0.${i}`), email)).status).toBe(401);
    const tenth = await wrongPassword(new AppClient("10.1.0.99"), email);
    expect(tenth.status).toBe(429);
    const retryAfter = Number(tenth.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
  });

  it("limits wrong passwords per client address, and a rotating X-Forwarded-For does not escape it", async () => {
    const attacker = new AppClient("10.2.0.1");
    for (let i = 0; i < 9; i++) {
      const response = await wrongPassword(attacker, `guess${i}@duka.tz`, {
        "x-forwarded-for": `172.16.0.${i}`,
      });
      expect(response.status).toBe(401);
    }
    const tenth = await wrongPassword(attacker, "guess10@duka.tz", { "x-forwarded-for": "172.16.9.9" });
    expect(tenth.status).toBe(429);
    // Even the right password waits from that address, and a forged socket header changes nothing.
    const right = await attacker.call(sessionRoute.POST, "POST", "/api/session", { body: OWNER });
    expect(right.status).toBe(429);
    // Another address (another shop's cashier) is not locked out by it.
    expect((await ownerClient("10.2.0.2")).cookies.has("malipo_session")).toBe(true);
  });

  it("takes the client address from X-Forwarded-For only as far as TRUSTED_PROXY_HOPS vouch", async () => {
    const { cleanup: again } = await openShop(database, { TRUSTED_PROXY_HOPS: "1" });
    try {
      const proxy = new AppClient("10.3.0.1"); // every request arrives from the one proxy
      // The proxy appends the real client; what the client wrote before it does not count.
      for (let i = 0; i < 10; i++) {
        await wrongPassword(proxy, `p${i}@duka.tz`, { "x-forwarded-for": `9.9.9.${i}, 198.18.0.7` });
      }
      const blocked = await wrongPassword(proxy, "p99@duka.tz", { "x-forwarded-for": "1.1.1.1, 198.18.0.7" });
      expect(blocked.status).toBe(429);
      const neighbour = await wrongPassword(proxy, "p98@duka.tz", { "x-forwarded-for": "198.18.0.8" });
      expect(neighbour.status).toBe(401);
    } finally {
      again();
      await openShop(database).then((shop) => shop.cleanup());
    }
  });

  it("logs one alertable warning when failures everywhere pass the ceiling", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((line: string | Uint8Array) => {
      lines.push(String(line));
      return true;
    });
    try {
      const [global] = await database.db.select().from(authThrottle).where(eq(authThrottle.key, "global"));
      const needed = GLOBAL_FAILURE_CEILING - (global?.failures ?? 0);
      for (let i = 0; i < needed + 3; i++)
        await recordFailure(database.db, `pw:account:flood${i}`, PASSWORD_RULE);
    } finally {
      spy.mockRestore();
    }
    const alerts = lines.filter((l) => l.includes("auth_failure_ceiling"));
    expect(alerts).toHaveLength(1);
  });
});

describe.each(testStores().filter((s) => s.name === "postgres"))(
  "two app instances sharing $name",
  (store) => {
    // Two independent database clients (two pg pools, as two processes would hold) on one PostgreSQL
    // database, each serving the routes in turn: what one revokes or counts, the other sees at once.
    let first: Database;
    let second: Database;
    let drop: () => Promise<void>;
    let cleanup: () => void;
    let demoPin: string;
    let cashierId: string;

    beforeAll(async () => {
      const opened = await store.open();
      ({ database: first, drop } = opened);
      second = await openDatabase({ databaseUrl: opened.url! });
      ({ demoPin, cleanup } = await openShop(first));
      const [cashier] = await first.db.select().from(staff).where(eq(staff.role, "cashier"));
      cashierId = cashier!.id;
    }, 180_000);
    afterAll(async () => {
      await second.close();
      await drop();
      cleanup?.();
    });

    it("a session revoked on one instance is refused by the other on its next request", async () => {
      serveFrom(first);
      const owner = await ownerClient("10.5.0.1");
      const { device, registerId } = await pairedDevice(owner, "Till X", "10.5.0.2");
      expect((await signInWithPin(device, cashierId, demoPin)).status).toBe(201);
      const copy = new AppClient("10.5.0.3");
      copy.cookies.set("malipo_session", device.cookies.get("malipo_session")!);
      serveFrom(second);
      expect((await copy.call(meRoute.GET, "GET", "/api/me")).status).toBe(200);
      serveFrom(first);
      expect((await device.call(sessionRoute.DELETE, "DELETE", "/api/session")).status).toBe(204);
      serveFrom(second);
      expect((await copy.call(meRoute.GET, "GET", "/api/me")).status).toBe(401);

      // A register revoked on the second instance ends the session on the first.
      expect((await signInWithPin(device, cashierId, demoPin)).status).toBe(201);
      serveFrom(first);
      expect((await device.call(meRoute.GET, "GET", "/api/me")).status).toBe(200);
      serveFrom(second);
      expect(
        (
          await owner.call(registerRoute.DELETE, "DELETE", `/api/registers/${registerId}`, {
            params: { id: registerId },
          })
        ).status,
      ).toBe(200);
      serveFrom(first);
      expect((await device.call(meRoute.GET, "GET", "/api/me")).status).toBe(401);
    });

    it("counts wrong PINs and passwords together whichever instance they reach", async () => {
      serveFrom(first);
      const owner = await ownerClient("10.6.0.1");
      const { device } = await pairedDevice(owner, "Till Y", "10.6.0.2");
      const wrong = demoPin === "0000" ? "1111" : "0000";
      for (let i = 0; i < 4; i++) {
        serveFrom(i % 2 === 0 ? first : second);
        expect((await signInWithPin(device, cashierId, wrong)).status).toBe(401);
      }
      serveFrom(second);
      expect((await signInWithPin(device, cashierId, wrong)).status).toBe(429);
      serveFrom(first);
      expect((await signInWithPin(device, cashierId, demoPin)).status).toBe(429);

      const attacker = new AppClient("10.6.0.9");
      for (let i = 0; i < 9; i++) {
        serveFrom(i % 2 === 0 ? first : second);
        expect((await wrongPassword(attacker, `x${i}@duka.tz`)).status).toBe(401);
      }
      serveFrom(second);
      expect((await wrongPassword(attacker, "x9@duka.tz")).status).toBe(429);
      serveFrom(first);
      expect((await wrongPassword(attacker, "x10@duka.tz")).status).toBe(429);
    });
  },
);
