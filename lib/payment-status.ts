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

/**
 * Forward only. One exception widens the table: an attempt that was superseded (the shopper switched
 * method, or the cashier failed over to the other provider) ended here as cancelled or failed, but the
 * provider may still have taken the money (PayGrid has no cancel); that payment is recorded as completed,
 * and the row keeps its superseded flag so the merchant sees it (docs/api.md#superseded).
 */
export function canTransition(
  from: PaymentStatus,
  to: PaymentStatus,
  options: { superseded?: boolean } = {},
): boolean {
  if (options.superseded && to === "completed" && (from === "cancelled" || from === "failed")) return true;
  return NEXT[from].includes(to);
}
