import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Database } from "@/lib/server/db/client";
import { resetEnvForTests } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { createPayment, type CreatePaymentCommand } from "@/lib/server/payments/create-payment";
import { requireIdempotencyKey } from "@/lib/server/payments/idempotency";
import { registerPaymentListeners } from "@/lib/server/register-listeners";
import { createPaymentSchema } from "@/lib/payment-schema";
import { createPayGridAdapter } from "@/lib/server/providers/paygrid/adapter";
import { createListenHub, type ListenHub } from "@/lib/server/realtime/listen-hub";
import { createSplashPayAdapter } from "@/lib/server/providers/splashpay/adapter";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { receivePayGridWebhook } from "@/lib/server/webhooks/receive-paygrid-webhook";
import { receiveSplashPayWebhook } from "@/lib/server/webhooks/receive-splashpay-webhook";
import {
  SANDBOX_PAYGRID_API_KEY,
  SANDBOX_SPLASHPAY_API_KEY,
  SANDBOX_SPLASHPAY_API_SECRET,
} from "@/lib/sandbox-credentials";
import type { SettingsPatch, SplashPaySandboxSettings } from "@/lib/sandbox/splashpay/settings";
import type { PayGridSandboxSettings } from "@/lib/sandbox/paygrid/settings";
import { startSandboxServer } from "@/lib/sandbox/node-server";
import type { TestStore } from "./databases";

// The payments core wired as in production, but in-process: a real database, both provider sandboxes over
// HTTP (one standalone server: PayGrid at its root, SplashPay under /splashpay), and a small HTTP server
// standing in for our webhook routes so the sandboxes' signed deliveries arrive through the real receivers.

export const SIGNING_KEY = "harness_signing_key";
export const SPLASHPAY_SECRET = "harness_splashpay_secret";

export interface Harness {
  database: Database;
  hub: ListenHub;
  sandboxUrl: string;
  /** Where the providers' webhooks reach the app (the harness's PUBLIC_BASE_URL). */
  receiverUrl: string;
  /** POST /payments calls that reached the sandbox (the provider). */
  providerCreates(): number;
  create(body: unknown, key: string | null, scope?: string): ReturnType<typeof createPayment>;
  /** The same, as if from another app instance sharing the database (no shared in-process state). */
  createFromAnotherInstance(body: unknown, key: string): ReturnType<typeof createPayment>;
  adapter: ReturnType<typeof createPayGridAdapter>;
  splashAdapter: PaymentProviderAdapter;
  /** The adapter for a provider name, as the registry would answer. */
  adapterFor(provider: string): PaymentProviderAdapter;
  control(id: string, action: string): Promise<Response>;
  settings(patch: Partial<PayGridSandboxSettings>): Promise<void>;
  /** POST /splashpay/control/payments/{reference}/{action}. */
  splashControl(reference: string, action: string): Promise<Response>;
  splashSettings(patch: SettingsPatch): Promise<void>;
  close(): Promise<void>;
}

/** What POST /api/payments does at its edge: check the key, parse the body into a command. */
export function edgeCommand(body: unknown, key: string | null): CreatePaymentCommand {
  const idempotencyKey = requireIdempotencyKey(key);
  return { ...createPaymentSchema.parse(body), idempotencyKey };
}

export async function startHarness(
  store: TestStore,
  options: {
    settings?: Partial<PayGridSandboxSettings>;
    splashpay?: Partial<SplashPaySandboxSettings>;
    clientRetries?: number;
  } = {},
): Promise<Harness> {
  registerPaymentListeners();
  const { database, drop } = await store.open();
  const hub = createListenHub(database);

  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const body = Buffer.concat(chunks).toString("utf8");
      const receive = req.url?.endsWith("/splashpay")
        ? receiveSplashPayWebhook(database.db, body, headers, SPLASHPAY_SECRET)
        : receivePayGridWebhook(database.db, body, headers, SIGNING_KEY);
      receive
        .then((answer) => {
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
        })
        .catch((error: unknown) => {
          res.writeHead(error instanceof ApiError ? error.status : 500).end();
        });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-harness-"));
  resetEnvForTests({ PUBLIC_BASE_URL: receiverUrl, DATA_DIR: dataDir, PAYMENT_TTL_SECONDS: "1800" });

  const sandbox = await startSandboxServer({
    port: 0,
    paygrid: {
      settings: {
        webhookSigningKey: SIGNING_KEY,
        webhookRetryDelaysSeconds: [0.2, 0.2, 0.2, 0.2],
        autoOutcomeDelaySeconds: 0.2,
        ...options.settings,
      },
    },
    splashpay: {
      settings: {
        webhookSecret: SPLASHPAY_SECRET,
        webhookUrl: `${receiverUrl}/api/webhooks/splashpay`,
        webhookRetryDelaysSeconds: [0.2, 0.2, 0.2, 0.2],
        autoOutcomeDelaySeconds: 0.2,
        ...options.splashpay,
      },
    },
  });

  let creates = 0;
  const countingFetch: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if ((init?.method ?? "GET") === "POST" && /\/api\/v1\/payments(\/dynamic-qr)?$/.test(url)) creates += 1;
    return fetch(input, init);
  };
  const adapter = createPayGridAdapter({
    baseUrl: `${sandbox.url}/api/v1`,
    apiKey: SANDBOX_PAYGRID_API_KEY,
    fetch: countingFetch,
    maxRetries: options.clientRetries ?? 0,
    retryBaseDelayMs: 10,
  });

  const splashAdapter = createSplashPayAdapter({
    baseUrl: `${sandbox.url}/splashpay/api/v1`,
    apiKey: SANDBOX_SPLASHPAY_API_KEY,
    apiSecret: SANDBOX_SPLASHPAY_API_SECRET,
    fetch: countingFetch,
    maxRetries: options.clientRetries ?? 0,
    retryBaseDelayMs: 10,
  });
  const adapterFor = (provider: string) => (provider === "splashpay" ? splashAdapter : adapter);

  const auth = { authorization: `Bearer ${SANDBOX_PAYGRID_API_KEY}`, "content-type": "application/json" };
  const splashAuth = {
    "x-api-key": SANDBOX_SPLASHPAY_API_KEY,
    "x-api-secret": SANDBOX_SPLASHPAY_API_SECRET,
    "content-type": "application/json",
  };
  return {
    database,
    hub,
    sandboxUrl: sandbox.url,
    receiverUrl,
    adapter,
    splashAdapter,
    adapterFor,
    providerCreates: () => creates,
    create: async (body, key, scope = "register:test") =>
      createPayment({ db: database.db, adapter: adapterFor, ownerScope: scope }, edgeCommand(body, key)),
    createFromAnotherInstance: async (body, key) =>
      createPayment(
        { db: database.db, adapter: adapterFor, ownerScope: "register:test", flights: new Map() },
        edgeCommand(body, key),
      ),
    control: (id, action) =>
      fetch(`${sandbox.url}/control/payments/${id}/${action}`, { method: "POST", headers: auth }),
    async settings(patch) {
      const response = await fetch(`${sandbox.url}/control/settings`, {
        method: "PUT",
        headers: auth,
        body: JSON.stringify(patch),
      });
      if (!response.ok)
        throw new Error(`sandbox settings refused: ${response.status} ${await response.text()}`);
    },
    splashControl: (reference, action) =>
      fetch(`${sandbox.url}/splashpay/control/payments/${encodeURIComponent(reference)}/${action}`, {
        method: "POST",
        headers: splashAuth,
      }),
    async splashSettings(patch) {
      const response = await fetch(`${sandbox.url}/splashpay/control/settings`, {
        method: "PUT",
        headers: splashAuth,
        body: JSON.stringify(patch),
      });
      if (!response.ok)
        throw new Error(`splashpay settings refused: ${response.status} ${await response.text()}`);
    },
    async close() {
      await hub.stop();
      await sandbox.close();
      await new Promise((resolve) => receiver.close(resolve));
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
