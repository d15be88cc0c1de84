// The payment state machine (docs/api.md#payment-object): creating → pending → processing → completed | failed | cancelled |
// expired; completed → partially_refunded → refunded. Transitions only move forward, so a late or
// duplicated provider event can never undo a newer one.

export const PAYMENT_STATUSES = [
  "creating",
  "pending",
  "processing",
  "completed",
  "failed",
  "cancelled",
  "expired",
  "partially_refunded",
  "refunded",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

const TERMINAL: ReadonlySet<PaymentStatus> = new Set([
  "completed",
  "failed",
  "cancelled",
  "expired",
  "partially_refunded",
  "refunded",
]);

const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  creating: ["pending", "processing", "completed", "failed", "cancelled", "expired"],
  pending: ["processing", "completed", "failed", "cancelled", "expired"],
  processing: ["completed", "failed", "cancelled", "expired"],
  completed: ["partially_refunded", "refunded"],
  partially_refunded: ["refunded"],
  refunded: [],
  failed: [],
  cancelled: [],
  // Providers settle late ("occasionally slightly later"): money that lands after the deadline is
  // still the customer's payment and must be recorded, flagged paid_after_expiry.
  expired: ["completed"],
};

export function isPaymentStatus(value: string): value is PaymentStatus {
  return (PAYMENT_STATUSES as readonly string[]).includes(value);
}

/** Terminal for the payment attempt: the outcome is known and the screen can stop waiting. */
export function isTerminal(status: PaymentStatus): boolean {
  return TERMINAL.has(status);
}

const PAID: ReadonlySet<PaymentStatus> = new Set(["completed", "partially_refunded", "refunded"]);

/** The customer's money arrived (a later refund does not undo that the sale was paid). */
export function isPaid(status: PaymentStatus): boolean {
  return PAID.has(status);
}

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return NEXT[from].includes(to);
}
