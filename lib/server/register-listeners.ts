import "server-only";
import { recordSessionOutcome } from "@/lib/server/checkout/record-session-outcome";
import { onPaymentChanged } from "@/lib/server/payments/payment-listeners";

/**
 * Wires the higher floors' reactions into the payments core. Called from start() before any request is
 * served, and by tests that exercise a whole flow. A checkout payment reaching an outcome marks its
 * session and queues the merchant webhook in the same transaction as the status change.
 */
export function registerPaymentListeners(): void {
  onPaymentChanged("checkout-session-outcome", recordSessionOutcome);
}
