import "server-only";
import { cookies } from "next/headers";
import { getDatabase } from "@/lib/server/db/database";
import { ApiError } from "@/lib/server/http/api-error";
import { assertSameOrigin, readCookie } from "./cashier";
import { REGISTER_COOKIE, SESSION_COOKIE } from "./cookies";
import {
  resolveRegisterPairing,
  resolveStaffSession,
  type PairedRegister,
  type Role,
  type StaffActor,
} from "./sessions";

// Who is asking: every call reads the session row, so sign-out, a new PIN, a disabled account or a revoked
// register takes effect on the very next request, on every instance.

export const MANAGERS: readonly Role[] = ["owner", "manager"];

export async function currentStaff(request: Request): Promise<StaffActor | null> {
  const { db } = await getDatabase();
  return resolveStaffSession(db, readCookie(request, SESSION_COOKIE));
}

export async function currentPairing(request: Request): Promise<PairedRegister | null> {
  const { db } = await getDatabase();
  return resolveRegisterPairing(db, readCookie(request, REGISTER_COOKIE));
}

/** The signed-in person (401 otherwise), with one of `roles` when given (403 otherwise). Checks Origin. */
export async function requireStaff(request: Request, roles?: readonly Role[]): Promise<StaffActor> {
  const actor = await currentStaff(request);
  if (!actor) throw new ApiError("UNAUTHENTICATED", "Sign in first.");
  assertSameOrigin(request);
  if (roles && !roles.includes(actor.staff.role)) {
    throw new ApiError("FORBIDDEN", "Only the owner or a manager can do this.");
  }
  return actor;
}

/** For pages (server components): the signed-in person, or null. */
export async function pageStaff(): Promise<StaffActor | null> {
  const { db } = await getDatabase();
  return resolveStaffSession(db, (await cookies()).get(SESSION_COOKIE)?.value);
}

/** For pages: the register this device is paired as, or null. */
export async function pagePairing(): Promise<PairedRegister | null> {
  const { db } = await getDatabase();
  return resolveRegisterPairing(db, (await cookies()).get(REGISTER_COOKIE)?.value);
}
