import "server-only";
import { cookies } from "next/headers";
import { getDatabase } from "@/lib/server/db/database";
import { ApiError } from "@/lib/server/http/api-error";
import { assertSameOrigin } from "./cashier";
import { readAuthCookie, REGISTER_COOKIE, requestAuthCookie, SESSION_COOKIE } from "./cookies";
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
  return resolveStaffSession(db, requestAuthCookie(request, SESSION_COOKIE));
}

export async function currentPairing(request: Request): Promise<PairedRegister | null> {
  const { db } = await getDatabase();
  return resolveRegisterPairing(db, requestAuthCookie(request, REGISTER_COOKIE));
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
  const jar = await cookies();
  return resolveStaffSession(
    db,
    readAuthCookie((name) => jar.get(name)?.value, SESSION_COOKIE),
  );
}

/** For pages: the register this device is paired as, or null. */
export async function pagePairing(): Promise<PairedRegister | null> {
  const { db } = await getDatabase();
  const jar = await cookies();
  return resolveRegisterPairing(
    db,
    readAuthCookie((name) => jar.get(name)?.value, REGISTER_COOKIE),
  );
}
