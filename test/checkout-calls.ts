import type { Db } from "@/lib/server/db/client";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { createCheckoutSession as createFromSessionCommand } from "@/lib/server/checkout/create-checkout-session";
import {
  createCheckoutSessionSchema,
  sessionPaymentSchema,
} from "@/lib/server/checkout/checkout-session-schema";
import { createSessionPayment as createFromCommand } from "@/lib/server/checkout/create-session-payment";
import { requireIdempotencyKey } from "@/lib/server/payments/idempotency";

// Checkout services called as their routes call them, for tests that speak in request bodies.

/** As POST /api/checkout-sessions calls it: the body is parsed at the edge. */
export async function createCheckoutSession(
  db: Db,
  createdBy: string,
  body: unknown,
  idempotencyKey: string | null,
) {
  return createFromSessionCommand(db, {
    ...createCheckoutSessionSchema.parse(body),
    createdBy,
    idempotencyKey,
  });
}

/** As the route calls it: the key and the body are parsed at the edge. */
export async function createSessionPayment(
  db: Db,
  adapter: (provider: string) => PaymentProviderAdapter,
  id: string,
  body: unknown,
  key: string | null,
) {
  return createFromCommand(db, adapter, id, sessionPaymentSchema.parse(body), requireIdempotencyKey(key));
}
