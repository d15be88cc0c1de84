import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// `npm run sandbox` as an operator starts it: the simulators send webhooks only to the app it was started
// for (--app-url, default http://localhost:3000); a payment, setting or test delivery naming any other URL
// is refused with 400 VALIDATION_ERROR on that field, whoever asks (lib/sandbox/common/webhook-target.ts).

const APP = "http://127.0.0.1:5298";
const PAYGRID = { authorization: "Bearer sk_test_malipo_sandbox", "content-type": "application/json" };
const SPLASHPAY = {
  "x-api-key": "pk_test_malipo_sandbox",
  "x-api-secret": "sk_test_malipo_sandbox",
  "content-type": "application/json",
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-sandbox-script-"));
const children: ChildProcess[] = [];

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts the script on an ephemeral port; resolves with its URL once it listens. */
function startScript(args: string[]): Promise<string> {
  const name = `s${children.length}`;
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/sandbox-server.ts",
      "--port",
      "0",
      "--state",
      path.join(dir, `${name}-paygrid.json`),
      "--splashpay-state",
      path.join(dir, `${name}-splashpay.json`),
      "--tra-state",
      path.join(dir, `${name}-tra.json`),
      ...args,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Sandbox listening on (\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => {
      const reason = out.split("\n").find((line) => /sandbox-server:|Error/.test(line)) ?? out;
      reject(new Error(`sandbox-server exited ${code}: ${reason}`));
    });
  });
}

async function send(url: string, method: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(url, { method, headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const payment = (webhookUrl: string) => ({
  type: "dynamic-qr",
  amount: 1000,
  currency: "TZS",
  phone: "255712345678",
  customer: { firstname: "Script", lastname: "Test", email: "script@example.com" },
  webhook_url: webhookUrl,
});

const refusedOn = (field: string) => ({
  status: 400,
  body: { error: { code: "VALIDATION_ERROR", message: expect.any(String), fields: [{ path: field }] } },
});

describe("npm run sandbox aims webhooks only at its app", () => {
  it("refuses any other webhook URL on a payment, the merchant profile, a test delivery and SplashPay's settings", async () => {
    const base = await startScript(["--app-url", APP]);
    const create = (webhookUrl: string) =>
      send(
        `${base}/api/v1/payments`,
        "POST",
        { ...PAYGRID, "idempotency-key": crypto.randomUUID() },
        payment(webhookUrl),
      );

    for (const scan of [
      "http://10.0.0.1:8080/scan",
      "http://169.254.169.254/latest/meta-data",
      "http://127.0.0.1:5432/",
      // Look-alikes of the app's own origin.
      "http://127.0.0.1:52980/api/webhooks/paygrid",
      "http://127.0.0.1:5298@10.0.0.1/api/webhooks/paygrid",
      "http://127.0.0.1:5298.example.com/",
    ]) {
      expect(await create(scan)).toMatchObject(refusedOn("webhook_url"));
    }
    expect(
      await send(`${base}/api/v1/merchants/me`, "PUT", PAYGRID, { webhook_url: "http://10.0.0.1/" }),
    ).toMatchObject(refusedOn("webhook_url"));
    expect(
      await send(`${base}/control/webhook-test`, "POST", PAYGRID, { webhook_url: "http://10.0.0.1/" }),
    ).toMatchObject(refusedOn("webhook_url"));
    expect(
      await send(`${base}/splashpay/control/settings`, "PUT", SPLASHPAY, { webhookUrl: "http://10.0.0.1/" }),
    ).toMatchObject(refusedOn("webhookUrl"));

    // The app's own receivers pass.
    expect((await create(`${APP}/api/webhooks/paygrid`)).status).toBe(201);
    const aimed = await send(`${base}/splashpay/control/settings`, "PUT", SPLASHPAY, {
      webhookUrl: `${APP}/api/webhooks/splashpay`,
    });
    expect(aimed.status).toBe(200);
  }, 60_000);

  it("serves http://localhost:3000 when no app is named, and refuses to start aimed elsewhere", async () => {
    const base = await startScript([]);
    const created = await send(
      `${base}/api/v1/payments`,
      "POST",
      { ...PAYGRID, "idempotency-key": crypto.randomUUID() },
      payment(`${APP}/api/webhooks/paygrid`),
    );
    expect(created).toMatchObject(refusedOn("webhook_url"));
    await expect(
      startScript(["--app-url", APP, "--splashpay-webhook-url", "http://10.0.0.1/hook"]),
    ).rejects.toThrow(/--splashpay-webhook-url must be a page of an --app-url/);
  }, 60_000);
});
