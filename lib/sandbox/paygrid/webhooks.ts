import { createHmac } from "node:crypto";
import { WebhookDispatcher, type DeliveryJob } from "../common/webhook-dispatcher";
import type { PayGridSandboxSettings } from "./settings";

// Webhook and callback delivery as docs/providers.md#paygrid-webhooks and #paygrid-sandbox describe, on the shared dispatcher: any 2xx
// counts as delivered, every attempt carries a fresh X-MeetPay signature and delivery id.

function signPayload(signingKey: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", signingKey).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function createPayGridDispatcher(options: {
  fetch: typeof fetch;
  now: () => number;
  settings: () => PayGridSandboxSettings;
}): WebhookDispatcher {
  return new WebhookDispatcher({
    ...options,
    headers: (job: DeliveryJob, timestamp, deliveryId) => ({
      "user-agent": "MeetPay-Webhook/1.0",
      "x-meetpay-signature": signPayload(options.settings().webhookSigningKey, timestamp, job.body),
      "x-meetpay-timestamp": String(timestamp),
      "x-meetpay-delivery-id": deliveryId,
    }),
  });
}
