import { createHmac, randomUUID } from "node:crypto";
import { OWNER, SIGNING_KEY } from "./processes";

// What the cluster tests do against an instance: sign in, create a sale, send a PayGrid webhook.

export interface Created {
  id: string;
  provider_payment_id: string;
  amount: string;
  status: string;
}

export async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(OWNER),
  });
  if (response.status !== 200 && response.status !== 201)
    throw new Error(`sign-in answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

export function createSale(base: string, cookie: string, key = randomUUID(), amount = 1000) {
  return fetch(`${base}/api/payments`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "idempotency-key": key },
    body: JSON.stringify({
      provider: "paygrid",
      method: "dynamic-qr",
      amount: String(amount),
      currency: "TZS",
      phone: "0712345678",
      customer: { firstname: "Cluster", lastname: "Test", email: "cluster@example.com" },
    }),
  });
}

export async function createdSale(base: string, cookie: string, amount = 1000): Promise<Created> {
  const response = await createSale(base, cookie, randomUUID(), amount);
  if (response.status !== 201)
    throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Created;
}

/** A PayGrid webhook moving one payment, signed as PayGrid signs (docs/providers.md#paygrid-webhooks). */
export function sendWebhook(base: string, payment: Created, status: string) {
  const body = JSON.stringify({
    version: "1.0",
    event: `payment.${status}`,
    event_id: randomUUID(),
    transaction_id: payment.provider_payment_id,
    merchant_reference: null,
    data: {
      amount: Number(payment.amount),
      currency: "TZS",
      status,
      previous_status: "pending",
      payment_type: "dynamic-qr",
    },
    metadata: {},
    timestamp: new Date().toISOString(),
  });
  const ts = Math.floor(Date.now() / 1000);
  const signature = `sha256=${createHmac("sha256", SIGNING_KEY).update(`${ts}.${body}`).digest("hex")}`;
  return fetch(`${base}/api/webhooks/paygrid`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-meetpay-timestamp": String(ts),
      "x-meetpay-signature": signature,
    },
    body,
  });
}
