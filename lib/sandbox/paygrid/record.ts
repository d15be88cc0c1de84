import type { SandboxEvent, SandboxPayment, SandboxRefund } from "./types";

// Conversions between the JSON numbers PayGrid speaks and the integer hundredths the sandbox keeps.

/** Largest amount accepted (one trillion): keeps hundredths far inside the exact integer range of a double. */
const MAX_HUNDREDTHS = 1e14;

/** A JSON number with at most 2 decimals → hundredths; otherwise the problem in words (S5). */
export function parseJsonAmount(value: unknown): number | string {
  if (value === undefined || value === null) return "is required";
  if (typeof value !== "number") return "must be a JSON number";
  if (!Number.isFinite(value) || value <= 0) return "must be greater than 0";
  // String(number) is the shortest text that round-trips, so it shows exactly the decimals the client sent.
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(value));
  if (!match) return "must have at most 2 decimal places";
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (hundredths > MAX_HUNDREDTHS) return "is too large";
  return hundredths;
}

/** Hundredths → the JSON number the provider answers with (5000, 12.5). */
export function toJsonAmount(hundredths: number): number {
  return Number(toFixedAmount(hundredths));
}

/** Hundredths → exactly two decimals ("1000.00"), as TANQR tag 54 wants. */
export function toFixedAmount(hundredths: number): string {
  const abs = Math.abs(hundredths);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return hundredths < 0 ? `-${text}` : text;
}

/** `marginRate` of the amount, rounded half-up to hundredths, without float drift (S17). */
export function marginFor(amount: number, rate: number): number {
  const ppm = BigInt(Math.round(rate * 1_000_000));
  return Number((BigInt(amount) * ppm + 500_000n) / 1_000_000n);
}

/** ISO-8601 UTC without milliseconds, like the provider's examples (`2023-11-07T05:31:56Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

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
