import "server-only";
import type { DbTx } from "@/lib/server/db/client";
import type { PaymentRow } from "@/lib/server/db/schema";

// Higher floors (checkout, and later accounts or reports) react to a payment's status change without
// payments importing them: they register a listener once at start (lib/server/register-listeners.ts),
// and applyProviderEvent runs every listener inside the transaction that made the change, so the
// reaction commits — or rolls back — together with the status.

export type PaymentChangedListener = (tx: DbTx, payment: PaymentRow) => Promise<void>;

// On globalThis: Next.js bundles instrumentation (where start() registers) apart from the route handlers,
// so a module-level array would be a different, empty one in each bundle.
const holder = globalThis as typeof globalThis & {
  __malipoPaymentListeners?: Map<string, PaymentChangedListener>;
};

function listeners(): Map<string, PaymentChangedListener> {
  holder.__malipoPaymentListeners ??= new Map();
  return holder.__malipoPaymentListeners;
}

/** Registers (or replaces) the listener under `name`; registering twice keeps one. */
export function onPaymentChanged(name: string, listener: PaymentChangedListener): void {
  listeners().set(name, listener);
}

/** Runs every registered listener, in registration order, inside the caller's transaction. */
export async function runPaymentChangedListeners(tx: DbTx, payment: PaymentRow): Promise<void> {
  for (const listener of listeners().values()) await listener(tx, payment);
}
