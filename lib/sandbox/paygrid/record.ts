import { isoSeconds, toJsonAmount } from "../common/amount";
import type { SandboxEvent, SandboxPayment, SandboxRefund } from "./types";

// PayGrid's JSON shapes of the sandbox's records; amounts are integer hundredths (lib/sandbox/common/amount.ts).

/** The §6 record: exactly the documented fields, absent ones omitted, `completed_at` null until completed (S16). */
export function toRecord(p: SandboxPayment): Record<string, unknown> {
  const record: Record<string, unknown> = { id: p.id };
  if (p.reference !== undefined) record.reference = p.reference;
  record.external_id = p.externalId;
  record.amount = toJsonAmount(p.amount);
  record.margin_amount = toJsonAmount(p.margin);
  record.total_amount = toJsonAmount(p.amount + p.margin);
  record.currency = p.currency;
  record.phone = p.phone;
  if (p.network !== undefined) record.network = p.network;
  if (p.paymentUrl !== undefined) record.payment_url = p.paymentUrl;
  if (p.qrCode !== undefined) record.qr_code = p.qrCode;
  record.status = p.status;
  if (p.paymentToken !== undefined) record.payment_token = p.paymentToken;
  record.created_at = isoSeconds(p.createdAt);
  record.completed_at = p.completedAt === undefined ? null : isoSeconds(p.completedAt);
  return record;
}

export function toEventRow(e: SandboxEvent): Record<string, unknown> {
  return {
    id: e.id,
    transaction_id: e.transactionId,
    status: e.status,
    message: e.message,
    actor_type: e.actorType,
    created_at: isoSeconds(e.createdAt),
  };
}

export function toRefundRow(r: SandboxRefund): Record<string, unknown> {
  return {
    id: r.id,
    transaction_id: r.transactionId,
    amount: toJsonAmount(r.amount),
    reason: r.reason,
    status: "completed",
    created_at: isoSeconds(r.createdAt),
  };
}
