import { isoSeconds, toJsonAmount } from "../common/amount";
import type { SandboxPayment, SandboxStatus } from "./types";

// Bodies of outgoing webhooks (§10.3) and callbacks (§17.5). Serialized once per event: every retry
// sends the very same bytes.

export function webhookBody(p: SandboxPayment, eventId: string, previous: SandboxStatus, at: number): string {
  const body: Record<string, unknown> = {
    version: "1.0",
    event: `payment.${p.status}`,
    event_id: eventId,
    transaction_id: p.id,
  };
  if (p.reference !== undefined) body.merchant_reference = p.reference;
  body.data = {
    amount: toJsonAmount(p.amount),
    currency: p.currency,
    status: p.status,
    previous_status: previous,
    payment_type: p.type,
    provider_reference: p.externalId,
  };
  body.metadata = p.metadata;
  body.timestamp = isoSeconds(at);
  return JSON.stringify(body);
}

export function callbackBody(p: SandboxPayment, at: number): string {
  const body: Record<string, unknown> = { type: "transaction.callback", transaction_id: p.id };
  if (p.reference !== undefined) body.reference = p.reference;
  Object.assign(body, {
    status: p.status,
    amount: toJsonAmount(p.amount),
    currency: p.currency,
    payment_type: p.type,
    provider_reference: p.externalId,
    metadata: p.metadata,
    timestamp: isoSeconds(at),
  });
  return JSON.stringify(body);
}

export const TEST_TRANSACTION_ID = "00000000-0000-0000-0000-000000000000";

/** The dashboard's "send test event" (§10.3): verify it and answer 200, never fulfil. */
export function testEventBody(eventId: string, at: number): string {
  return JSON.stringify({
    version: "1.0",
    event: "webhook.test",
    event_id: eventId,
    transaction_id: TEST_TRANSACTION_ID,
    data: { status: "test" },
    metadata: {},
    timestamp: isoSeconds(at),
  });
}
