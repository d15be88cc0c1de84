import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { getEnv, resetEnvForTests } from "@/lib/server/env";
import * as sessionRoute from "@/app/api/session/route";
import * as setupRoute from "@/app/api/setup/route";
import { AppClient, serveFrom } from "@/test/app-client";
import { testStores } from "@/test/databases";
import { bootstrapAccounts } from "@/lib/server/staff/bootstrap-accounts";

// Live mode without OWNER_EMAIL: the start prints a one-time code, and /setup turns it into the owner.

describe.each(testStores())("owner setup on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  let dataDir: string;

  beforeAll(async () => {
    ({ database, drop } = await store.open());
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-setup-"));
    resetEnvForTests({
      DATA_DIR: dataDir,
      SANDBOX: "0",
      SESSION_SECRET: "live-session-secret-that-is-long-enough",
      MERCHANT_API_KEY: "mk_live_setup_test_key",
      MERCHANT_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    });
    serveFrom(database);
  }, 180_000);
  afterAll(async () => {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    resetEnvForTests();
  });

  it("makes the owner once from the printed code; wrong codes and a second use are refused", async () => {
    const outcome = await bootstrapAccounts(database.db, getEnv());
    expect(outcome.kind).toBe("setup-code");
    const code = outcome.kind === "setup-code" ? outcome.code : "";
    const body = { name: "Mama Asha", email: "asha@duka.tz", password: "a-long-owner-password" };
    const client = new AppClient("192.0.2.99");
    const setup = (c: string) =>
      client.call(setupRoute.POST, "POST", "/api/setup", { body: { ...body, code: c } });

    expect((await setup("WRONGWRONG22")).status).toBe(401);
    expect((await client.call(setupRoute.POST, "POST", "/api/setup", { body: { code } })).status).toBe(400);
    expect((await setup(code.toLowerCase())).status).toBe(201);
    expect((await setup(code)).status).toBe(404);
    expect((await bootstrapAccounts(database.db, getEnv())).kind).toBe("owner-exists");

    const signIn = await client.call(sessionRoute.POST, "POST", "/api/session", {
      body: { email: body.email, password: body.password },
    });
    expect(signIn.status).toBe(201);
    expect(await signIn.json()).toMatchObject({ staff: { role: "owner", name: "Mama Asha" } });
  });
});
