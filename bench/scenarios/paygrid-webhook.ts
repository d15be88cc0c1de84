import { createHmac, randomUUID } from "node:crypto";
import { APP, SIGNING_KEY } from "../config";
import { request } from "../http";
import type { Created } from "./create";

/** A PayGrid webhook moving one payment, signed as PayGrid signs (docs/providers.md#paygrid-webhooks). */
export function sendWebhook(p: Created, status: string) {
  const body = JSON.stringify({
    version: "1.0",
    event: `payment.${status}`,
    event_id: randomUUID(),
    transaction_id: p.provider_payment_id,
    merchant_reference: null,
    data: {
      amount: Number(p.amount),
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
  return request("POST", `${APP}/api/webhooks/paygrid`, body, {
    "content-type": "application/json",
    "x-meetpay-timestamp": String(ts),
    "x-meetpay-signature": signature,
  });
}
