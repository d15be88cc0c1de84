import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as createPaymentRoute } from "@/app/api/payments/route";
import { POST as paygridWebhook } from "@/app/api/webhooks/paygrid/route";
import { POST as splashpayWebhook } from "@/app/api/webhooks/splashpay/route";
import { GET as paygridSandbox } from "@/app/sandbox/paygrid/[...path]/route";
import { GET as splashpaySandbox } from "@/app/sandbox/splashpay/[...path]/route";
import { closeDatabase, getDatabase } from "@/lib/server/db/database";
import { payments } from "@/lib/server/db/schema";
import { resetEnvForTests } from "@/lib/server/env";
import { offeredMethods } from "@/lib/server/providers/availability";
import { resetProviderAdaptersForTests } from "@/lib/server/providers/registry";
import { cashierCookie } from "@/test/cashier-session";
import { KEY_MIXES } from "@/test/live-mixes";
import { qrSale, tanqrSale } from "@/test/sales";

// The app started in each key mix (docs/api.md "Sandbox is all or nothing"): what is offered, what is 404,
// and that a payment for a provider that is off is refused before anything is written.

// One database for every mix (it is opened once per process, as in the app); no refused sale may write to it.
const dataDirs: string[] = [];
beforeAll(async () => {
  startIn({});
  await getDatabase(); // opening and migrating PGlite is the slow part: a hook's time budget, not a test's
});
afterEach(() => resetProviderAdaptersForTests());
afterAll(async () => {
  await closeDatabase();
  resetEnvForTests();
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function startIn(mixEnv: Record<string, string>): void {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-mix-"));
  dataDirs.push(dataDir);
  resetEnvForTests({ ...mixEnv, DATA_DIR: dataDir, PUBLIC_BASE_URL: "http://127.0.0.1:5599" });
}

const sandboxPath = (segments: string[]) => ({ params: Promise.resolve({ path: segments }) });

async function cashierRequest(body: unknown): Promise<Request> {
  const { db } = await getDatabase();
  return new Request("http://127.0.0.1:5599/api/payments", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "idempotency-key": `mix-${Math.random()}`,
      cookie: await cashierCookie(db),
    },
    body: JSON.stringify(body),
  });
}

const unsignedWebhook = () =>
  new Request("http://127.0.0.1:5599/api/webhooks/x", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ event: "payment.completed", data: { reference: "POS-1", amount: 5000 } }),
  });

describe.each(KEY_MIXES)("the app started with $name", (mix) => {
  it("offers exactly the configured providers and 404s the rest", async () => {
    startIn(mix.env);
    const offered = new Set(offeredMethods("TZS").map((m) => m.provider));
    expect(offered.has("paygrid")).toBe(mix.paygrid !== "off");
    expect(offered.has("splashpay")).toBe(mix.splashpay !== "off");

    // Webhook routes: 404 when off; otherwise present (an unsigned delivery is 401, never applied).
    expect((await paygridWebhook(unsignedWebhook())).status).toBe(mix.paygrid === "off" ? 404 : 401);
    expect((await splashpayWebhook(unsignedWebhook())).status).toBe(mix.splashpay === "off" ? 404 : 401);

    // The simulators exist only in sandbox mode.
    const pg = await paygridSandbox(
      new Request("http://127.0.0.1:5599/sandbox/paygrid/api/v1/payments/x"),
      sandboxPath(["api", "v1", "payments", "x"]),
    );
    const sp = await splashpaySandbox(
      new Request("http://127.0.0.1:5599/sandbox/splashpay/api/v1/x"),
      sandboxPath(["api", "v1", "x"]),
    );
    expect(pg.status === 404).toBe(!mix.sandbox);
    expect(sp.status === 404).toBe(!mix.sandbox);
  });

  it("refuses a sale on a provider that is off with 422 PROVIDER_NOT_CONFIGURED and writes nothing", async () => {
    startIn(mix.env);
    const sales = [
      { on: mix.paygrid !== "off", body: qrSale() },
      { on: mix.splashpay !== "off", body: tanqrSale() },
    ];
    for (const sale of sales.filter((s) => !s.on)) {
      const response = await createPaymentRoute(await cashierRequest(sale.body));
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe("PROVIDER_NOT_CONFIGURED");
      const { db } = await getDatabase();
      expect(await db.select().from(payments)).toEqual([]);
    }
  });
});
