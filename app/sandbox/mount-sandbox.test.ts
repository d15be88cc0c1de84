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

function get(url: string, headers: Record<string, string>): Request {
  return new Request(`${ORIGIN}${url}`, { headers });
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
});
