import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { staff } from "@/lib/server/db/schema";

/** Names on a paired register's PIN pad: everyone active who has a PIN (ids and names only). */
export async function pinPadPeople(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(eq(staff.active, true), isNotNull(staff.pinHash)))
    .orderBy(asc(staff.name));
}

/** Who can approve a cashier's refund with a PIN on the spot: active managers and owners who have one. */
export async function pinApprovers(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(eq(staff.active, true), isNotNull(staff.pinHash), inArray(staff.role, ["owner", "manager"])))
    .orderBy(asc(staff.name));
}
