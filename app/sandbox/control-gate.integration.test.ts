import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { AppClient } from "@/test/app-client";
import { cashierCookie } from "@/test/cashier-session";
import { testStores } from "@/test/databases";
import { openShop, ownerClient } from "@/test/shop";
import { payGridSandboxRoute } from "./mount-sandbox";

// The sandbox's controls from another machine: the signed-in owner may use them, a cashier or a forged
// cookie may not (loopback callers: app/sandbox/mount-sandbox.test.ts).

const PAYGRID_AUTH = { authorization: "Bearer sk_test_malipo_sandbox" };

describe.each(testStores())("sandbox controls on $name", (store) => {
  let close: () => Promise<void>;
  let cleanup: () => void;
  let cashier: string;

  beforeAll(async () => {
    const { database, drop } = await store.open();
    close = drop;
    ({ cleanup } = await openShop(database));
    cashier = await cashierCookie(database.db);
  }, 120_000);

  afterAll(async () => {
    await close?.();
    cleanup?.();
    resetEnvForTests();
  });

  const settings = (client: AppClient) =>
    client.call(payGridSandboxRoute, "GET", "/sandbox/paygrid/control/settings", {
      headers: PAYGRID_AUTH,
      params: { path: ["control", "settings"] },
    });

  it("answers the signed-in owner from another machine", async () => {
    expect((await settings(await ownerClient("203.0.113.40"))).status).toBe(200);
  });

  it("refuses a cashier and a forged cookie from another machine", async () => {
    const till = new AppClient("203.0.113.41");
    const [name, value] = cashier.split("=");
    till.cookies.set(name!, value!);
    expect((await settings(till)).status).toBe(403);
    const forged = new AppClient("203.0.113.42");
    forged.cookies.set("malipo_session", "forged");
    expect((await settings(forged)).status).toBe(403);
  });
});
