import "server-only";
import type { StaffActor } from "@/lib/server/auth/sessions";

// Who sold, where: every sale records the person and the register (docs/api.md#staff). A cashier's
// history is their register's; managers and the owner see the whole shop.

export function sellerOf(actor: StaffActor) {
  return { staffId: actor.staff.id, staffName: actor.staff.name, registerId: actor.register.id };
}

/** The owner scope a person's history and payment views are limited to; null means every payment. */
export function historyScope(actor: StaffActor): string | null {
  return actor.staff.role === "cashier" ? `register:${actor.register.id}` : null;
}
