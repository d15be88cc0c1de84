import { createHmac } from "node:crypto";
import { startSandboxServer, type SandboxServer } from "@/lib/sandbox/node-server";
import { requestJson, type ApiResult } from "./paygrid-sandbox";
import { SANDBOX_SPLASHPAY_API_KEY, SANDBOX_SPLASHPAY_API_SECRET } from "@/lib/sandbox-credentials";
import type { SplashPaySandboxOptions } from "@/lib/sandbox/splashpay/handler";
import type { SplashPaySandboxSettings } from "@/lib/sandbox/splashpay/settings";

// Shared by the SplashPay sandbox's integration tests: the standalone server (SplashPay under /splashpay)
// and the documented request body.

export const AUTH = { "x-api-key": SANDBOX_SPLASHPAY_API_KEY, "x-api-secret": SANDBOX_SPLASHPAY_API_SECRET };

/** Delays compressed so a whole suite runs in seconds. */
export const FAST: Partial<SplashPaySandboxSettings> = {
  webhookRetryDelaysSeconds: [0.05, 0.05, 0.05, 0.05],
  webhookTimeoutSeconds: 2,
  autoOutcomeDelaySeconds: 0.1,
};

export interface SplashTestSandbox extends SandboxServer {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResult>;
  create(body: unknown, key?: string, headers?: Record<string, string>): Promise<ApiResult>;
  settings(patch: Record<string, unknown>): Promise<void>;
}

export async function startSplashSandbox(
  settings: Partial<SplashPaySandboxSettings> = {},
  extra: Omit<SplashPaySandboxOptions, "publicUrl" | "settings"> = {},
): Promise<SplashTestSandbox> {
  const server = await startSandboxServer({
    port: 0,
    splashpay: { settings: { ...FAST, ...settings }, ...extra },
  });
  const call: SplashTestSandbox["call"] = (method, path, body, headers = {}) =>
    requestJson(`${server.url}/splashpay${path}`, method, body, { ...AUTH, ...headers });
  return {
    ...server,
    call,
    create: (body, key = crypto.randomUUID(), headers = {}) =>
      call("POST", "/api/v1/payments/dynamic-qr", body, { "idempotency-key": key, ...headers }),
    async settings(patch) {
      const result = await call("PUT", "/control/settings", patch);
      if (result.status !== 200) throw new Error(`settings refused: ${result.text}`);
    },
  };
}

let counter = 0;

/** The documented example body (§5.2) with a fresh reference. */
export function tanqrBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    reference: `CIR-${Date.now().toString(36)}-${counter}`,
    buyer_email: "john.doe@example.com",
    buyer_name: "John Doe",
    buyer_phone: "255744123456",
    amount: 1000,
    currency: "TZS",
    billing_firstname: "John",
    billing_lastname: "Doe",
    billing_address: "Bwawani, Mkonze",
    billing_city: "Dodoma",
    billing_state: "Tanzania",
    billing_postcode: "67116",
    billing_country: "TZ",
    billing_phone: "255744123456",
    ...overrides,
  };
}

/** What a receiver should compute for a delivery (§7.4). */
export function expectedSignature(secret: string, timestamp: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}
