import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { payGridSandboxRoute, splashPaySandboxRoute } from "./mount-sandbox";

// The mounting module is the only place the app meets its sandbox: a provider in sandbox mode is served by a
// simulator built from the app's own configuration, any other provider's sandbox path is a plain 404.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-mount-"));
const ORIGIN = "http://127.0.0.1:5299";

afterAll(() => {
  resetEnvForTests();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function context(...segments: string[]) {
  return { params: Promise.resolve({ path: segments }) };
}

// From this machine unless said otherwise: the sandbox's controls answer loopback (app/sandbox/control-gate.ts).
function get(url: string, headers: Record<string, string>, from = "127.0.0.1"): Request {
  return new Request(`${ORIGIN}${url}`, { headers: { "x-malipo-socket-address": from, ...headers } });
}

function put(url: string, headers: Record<string, string>, body: unknown, from = "127.0.0.1"): Request {
  return new Request(`${ORIGIN}${url}`, {
    method: "PUT",
    headers: { "x-malipo-socket-address": from, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

const PAYGRID_AUTH = { authorization: "Bearer sk_test_malipo_sandbox" };
const SPLASHPAY_AUTH = { "x-api-key": "pk_test_malipo_sandbox", "x-api-secret": "sk_test_malipo_sandbox" };

describe("mounting the sandbox", () => {
  it("answers 404 for providers that run with live keys", async () => {
    resetEnvForTests({
      DATA_DIR: dataDir,
      SANDBOX: "",
      PAYGRID_API_KEY: "sk_live_mount_test",
      PAYGRID_WEBHOOK_SIGNING_KEY: "mount_test_signing_key",
      SPLASHPAY_API_KEY: "pk_live_mount_test",
      SPLASHPAY_API_SECRET: "sk_live_mount_test",
      SPLASHPAY_WEBHOOK_SECRET: "mount_test_webhook_secret",
      POS_ACCESS_CODE: "123456",
      SESSION_SECRET: "s".repeat(32),
      MERCHANT_API_KEY: "m".repeat(16),
      MERCHANT_WEBHOOK_SECRET: `whsec_${Buffer.from("x".repeat(24)).toString("base64")}`,
    });
    const paygrid = await payGridSandboxRoute(
      get("/sandbox/paygrid/control/settings", PAYGRID_AUTH),
      context("control", "settings"),
    );
    const splashpay = await splashPaySandboxRoute(
      get("/sandbox/splashpay/control/settings", SPLASHPAY_AUTH),
      context("control", "settings"),
    );
    for (const response of [paygrid, splashpay]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "Not found" } });
    }
  });

  it("hands requests to simulators built from the app's configuration in sandbox mode", async () => {
    resetEnvForTests({
      DATA_DIR: dataDir,
      SANDBOX: "",
      PUBLIC_BASE_URL: ORIGIN,
      MERCHANT_NAME: "Duka la Mama",
    });

    const paygrid = await payGridSandboxRoute(
      get("/sandbox/paygrid/control/settings", PAYGRID_AUTH),
      context("control", "settings"),
    );
    expect(paygrid.status).toBe(200);
    const paygridBody = (await paygrid.json()) as { data: { qrMerchant: { name: string } } };
    expect(paygridBody.data.qrMerchant.name).toBe("Duka la Mama");

    const splashpay = await splashPaySandboxRoute(
      get("/sandbox/splashpay/control/settings", SPLASHPAY_AUTH),
      context("control", "settings"),
    );
    expect(splashpay.status).toBe(200);
    const splashBody = (await splashpay.json()) as { data: { webhookUrl: string } };
    expect(splashBody.data.webhookUrl).toBe(`${ORIGIN}/api/webhooks/splashpay`);

    // The simulator, not the mount, checks the key: a wrong one is the provider's own 401.
    const wrongKey = await payGridSandboxRoute(
      get("/sandbox/paygrid/control/settings", { authorization: "Bearer sk_test_not_a_key" }),
      context("control", "settings"),
    );
    expect(wrongKey.status).toBe(401);
  });

  it("answers its controls only from this machine (or the signed-in owner), and aims webhooks only at the app", async () => {
    resetEnvForTests({ DATA_DIR: dataDir, SANDBOX: "", PUBLIC_BASE_URL: ORIGIN });
    const settings = (from: string, extra: Record<string, string> = {}) =>
      payGridSandboxRoute(
        get("/sandbox/paygrid/control/settings", { ...PAYGRID_AUTH, ...extra }, from),
        context("control", "settings"),
      );
    const remote = await settings("203.0.113.9");
    expect(remote.status).toBe(403);
    expect(((await remote.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    const splashRemote = await splashPaySandboxRoute(
      put("/sandbox/splashpay/control/settings", SPLASHPAY_AUTH, { expirySeconds: 60 }, "10.0.0.7"),
      context("control", "settings"),
    );
    expect(splashRemote.status).toBe(403);
    expect((await settings("::ffff:127.0.0.1")).status).toBe(200);
    expect((await settings("::1")).status).toBe(200);
    // The hosted pages stay public: the customer's phone is not on this machine.
    const page = await payGridSandboxRoute(
      get("/sandbox/paygrid/pay/pay_unknown", {}, "203.0.113.9"),
      context("pay", "pay_unknown"),
    );
    expect(page.status).not.toBe(403);

    const aim = (webhookUrl: string) =>
      splashPaySandboxRoute(
        put("/sandbox/splashpay/control/settings", SPLASHPAY_AUTH, { webhookUrl }),
        context("control", "settings"),
      );
    const scan = await aim("http://169.254.169.254/latest/meta-data");
    expect(scan.status).toBe(400);
    expect(((await scan.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe(
      "webhookUrl",
    );
    expect((await aim("http://127.0.0.1:5432/")).status).toBe(400);
    expect((await aim(`${ORIGIN}/api/webhooks/splashpay`)).status).toBe(200);
    // Nor through the simulator's own API, open to anyone with the public test keys.
    const created = await payGridSandboxRoute(
      new Request(`${ORIGIN}/sandbox/paygrid/api/v1/payments`, {
        method: "POST",
        headers: {
          ...PAYGRID_AUTH,
          "content-type": "application/json",
          "x-malipo-socket-address": "203.0.113.9",
        },
        body: JSON.stringify({ amount: "1000", currency: "TZS", webhook_url: "http://10.0.0.1:8080/scan" }),
      }),
      context("api", "v1", "payments"),
    );
    expect(created.status).toBe(400);
    expect(await created.json()).toMatchObject({
      error: { code: "VALIDATION_ERROR", fields: [{ path: "webhook_url" }] },
    });
  });

  it("behind a proxy, judges the client the proxy names, not the proxy's own loopback address", async () => {
    resetEnvForTests({ DATA_DIR: dataDir, SANDBOX: "", PUBLIC_BASE_URL: ORIGIN, TRUSTED_PROXY_HOPS: "1" });
    const response = await payGridSandboxRoute(
      get("/sandbox/paygrid/control/settings", { ...PAYGRID_AUTH, "x-forwarded-for": "203.0.113.9" }),
      context("control", "settings"),
    );
    expect(response.status).toBe(403);
  });
});
