import { expect } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import type { ListenHub } from "@/lib/server/realtime/listen-hub";
import { resetProviderAdaptersForTests } from "@/lib/server/providers/registry";
import * as checkoutSessionsRoute from "@/app/api/checkout-sessions/route";
import * as checkoutSessionPaymentsRoute from "@/app/api/checkout-sessions/[id]/payments/route";
import type { CheckoutSession, Payment } from "@/lib/api-contract";
import { AppClient } from "./app-client";
import type { TestStore } from "./databases";
import { startHarness, type Harness } from "./payments-harness";
import { openShop } from "./shop";

// A shop's backend talking to the merchant API in-process: the sandbox providers over HTTP, the shop's
// key (MERCHANT_API_KEY of test/shop.ts), and a shopper who pays a session's link.

export const SHOP_KEY = "mk_test_matrix_merchant_key";

export interface MerchantShop {
  h: Harness;
  merchant: AppClient;
  createSession(over?: Record<string, unknown>, headers?: Record<string, string>): Promise<CheckoutSession>;
  /** The shopper starts a PayGrid dynamic-QR attempt on the session's page. */
  pay(sessionId: string): Promise<Payment>;
  close(): Promise<void>;
}

let n = 0;

export const sessionBody = (over: Record<string, unknown> = {}) => ({
  amount: "12500",
  currency: "TZS",
  reference: `ORDER-${Date.now()}-${(n += 1)}`,
  success_url: "https://shop.example.com/thanks",
  cancel_url: "https://shop.example.com/cart",
  ...over,
});

export async function openMerchantShop(store: TestStore): Promise<MerchantShop> {
  const h = await startHarness(store);
  const { cleanup } = await openShop(h.database, {
    PAYGRID_BASE_URL: `${h.sandboxUrl}/api/v1`,
    SPLASHPAY_BASE_URL: `${h.sandboxUrl}/splashpay/api/v1`,
    // The providers' webhooks must reach the app, so payments complete as they would in a shop.
    PUBLIC_BASE_URL: h.receiverUrl,
  });
  resetProviderAdaptersForTests();
  const merchant = new AppClient("198.51.100.7", SHOP_KEY);
  return {
    h,
    merchant,
    async createSession(over = {}, headers = {}) {
      const response = await merchant.call(checkoutSessionsRoute.POST, "POST", "/api/checkout-sessions", {
        body: sessionBody(over),
        headers,
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return (await response.json()) as CheckoutSession;
    },
    async pay(sessionId) {
      const response = await new AppClient(`198.51.100.${(n % 200) + 20}`).call(
        checkoutSessionPaymentsRoute.POST,
        "POST",
        `/api/checkout-sessions/${sessionId}/payments`,
        {
          params: { id: sessionId },
          body: {
            provider: "paygrid",
            method: "dynamic-qr",
            phone: "0712345678",
            customer: { firstname: "Neema", lastname: "Joseph", email: "neema@example.com" },
          },
          headers: { "idempotency-key": `shopper-${Date.now()}-${(n += 1)}` },
        },
      );
      expect(response.status, await response.clone().text()).toBe(201);
      return (await response.json()) as Payment;
    },
    async close() {
      const holder = globalThis as typeof globalThis & { __malipoListenHub?: Promise<ListenHub> };
      await (await holder.__malipoListenHub)?.stop();
      holder.__malipoListenHub = undefined;
      await h.close();
      cleanup();
      resetEnvForTests();
      resetProviderAdaptersForTests();
    },
  };
}
