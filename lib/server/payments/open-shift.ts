import "server-only";
import { and, eq, isNull } from "drizzle-orm";
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
