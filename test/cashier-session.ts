import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/server/db/client";
import { registers, staff } from "@/lib/server/db/schema";
import { SESSION_COOKIE } from "@/lib/server/auth/cookies";
import { openSessionRow } from "@/lib/server/auth/sessions";

// A cashier signed in on a register, written straight into the tables, for tests about what a signed-in
// request may do rather than about signing in (those go through the real routes: test/shop.ts).

export async function cashierCookie(db: Db): Promise<string> {
  const suffix = randomBytes(6).toString("hex");
  const registerId = `reg_test_${suffix}`;
  const staffId = `stf_test_${suffix}`;
  await db.insert(registers).values({ id: registerId, name: "Test till", pairedAt: new Date() });
  await db.insert(staff).values({ id: staffId, name: "Test cashier", role: "cashier" });
  const { token } = await openSessionRow(db, { kind: "staff", staffId, registerId });
  return `${SESSION_COOKIE}=${token}`;
}
