import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db, DbTx } from "@/lib/server/db/client";
import { shifts } from "@/lib/server/db/schema";

/**
 * The register's open shift, if any: every sale made there attaches to it at creation (docs/api.md
 * "Shifts"). Shifts are optional, so none is fine.
 */
export async function openShiftId(
  db: Db | DbTx,
  registerId: string | null | undefined,
): Promise<string | null> {
  if (!registerId) return null;
  const [open] = await db
    .select({ id: shifts.id })
    .from(shifts)
    .where(and(eq(shifts.registerId, registerId), isNull(shifts.closedAt)));
  return open?.id ?? null;
}

/**
 * The same as a subquery for the payment row's INSERT, so a create spends no round trip of its own on it
 * (at most one shift per register is open: shifts_one_open_per_register_uq).
 */
export function openShiftIdQuery(registerId: string | null | undefined): SQL | null {
  if (!registerId) return null;
  return sql`(select ${shifts.id} from ${shifts} where ${shifts.registerId} = ${registerId} and ${shifts.closedAt} is null)`;
}
