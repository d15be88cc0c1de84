import "server-only";
import { eq, or, type SQL } from "drizzle-orm";
import { payments } from "@/lib/server/db/schema";

/**
 * The payments an owner scope may see. A register's scope also covers the payment-link sales made there:
 * they are owned by their checkout session, but carry the register that made the link (register_id).
 */
export function scopeCondition(scope: string): SQL {
  if (!scope.startsWith("register:")) return eq(payments.ownerScope, scope);
  return or(eq(payments.ownerScope, scope), eq(payments.registerId, scope.slice("register:".length)))!;
}
