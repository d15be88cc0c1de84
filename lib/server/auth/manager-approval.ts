import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { staff } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import type { RefundApproval } from "@/lib/refund-schema";
import { verifySecret } from "./secret-hash";
import { clearFailures, PASSWORD_RULE, PIN_RULE, throttledAttempt, throttleKeys } from "./throttle";

// A manager's consent given on the spot, on a cashier's screen (a refund asked for by a cashier): the
// manager's or owner's PIN, or their email and password. Checked with the same hashes and the same
// throttles as signing in, so the approval box is no side door for guessing PINs: wrong PINs count against
// the register's PIN pad, wrong passwords against the account and the client address.

export const WRONG_APPROVAL = "That is not a manager's or the owner's PIN or password.";

export interface Approver {
  id: string;
  name: string;
}

export async function verifyManagerApproval(
  db: Db,
  approval: RefundApproval,
  where: { registerId: string; clientAddress: string },
): Promise<Approver> {
  const wrong = new ApiError("FORBIDDEN", WRONG_APPROVAL);
  const managers = inArray(staff.role, ["owner", "manager"]);
  if ("pin" in approval) {
    const key = throttleKeys.pinPad(where.registerId);
    const guard = {
      keys: [key],
      rule: PIN_RULE,
      tooMany: "This PIN pad is locked after too many wrong PINs.",
      wrong,
    };
    const person = await throttledAttempt(db, guard, async () => {
      const [row] = await db
        .select()
        .from(staff)
        .where(and(eq(staff.id, approval.staff_id), eq(staff.active, true), managers));
      return (await verifySecret(approval.pin, row?.pinHash)) && row;
    });
    await clearFailures(db, key);
    return { id: person.id, name: person.name };
  }
  const email = approval.email.toLowerCase();
  const guard = {
    keys: [throttleKeys.account(email), throttleKeys.address(where.clientAddress)],
    rule: PASSWORD_RULE,
    tooMany: "Too many wrong passwords. Wait and try again.",
    wrong,
  };
  const person = await throttledAttempt(db, guard, async () => {
    const [row] = await db
      .select()
      .from(staff)
      .where(and(eq(staff.email, email), eq(staff.active, true), managers));
    return (await verifySecret(approval.password, row?.passwordHash)) && row;
  });
  return { id: person.id, name: person.name };
}
