import type { Payment } from "@/lib/api-contract";

// What the pay view can ask its screen to do next; the cashier's and the shopper's screens each decide
// what that means for them.

export interface PaymentActions {
  /** A new attempt (new Idempotency-Key) with the same details, optionally another method. */
  newAttempt: (method?: Payment["method"]) => void;
  changeMethod: () => void;
  /** Cashier only. */
  newSale?: () => void;
  /** Cashier only: the thermal receipt. */
  printable?: boolean;
  busy?: boolean;
}
