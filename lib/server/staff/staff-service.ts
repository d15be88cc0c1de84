import "server-only";
import type { StaffMember } from "@/lib/api-contract";
import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { staff, type StaffRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { requireWellFormedId } from "@/lib/server/http/path-id";
import { hashSecret } from "@/lib/server/auth/secret-hash";
import { revokeSessions, type StaffActor } from "@/lib/server/auth/sessions";
import type { CreateStaffCommand, UpdateStaffCommand } from "./staff-schema";

export function newStaffId(): string {
  return `stf_${randomBytes(9).toString("base64url")}`;
}

export function staffJson(row: StaffRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    role: row.role as StaffMember["role"],
    email: row.email,
    active: row.active,
    has_pin: row.pinHash !== null,
    created_at: row.createdAt.toISOString(),
  };
}

export async function listStaff(db: Db): Promise<StaffRow[]> {
  return db.select().from(staff).orderBy(asc(staff.createdAt), asc(staff.id));
}

/** Who may change whom: the owner manages everyone else; a manager manages cashiers only. */
function assertMayManage(actor: StaffActor, role: string): void {
  if (actor.staff.role === "owner") return;
  if (role !== "cashier") throw new ApiError("FORBIDDEN", "Only the owner can add or change managers.");
}

export async function createStaff(db: Db, actor: StaffActor, command: CreateStaffCommand): Promise<StaffRow> {
  assertMayManage(actor, command.role);
  const email = command.email?.toLowerCase() ?? null;
  if (email) {
    const [taken] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, email));
    if (taken) {
      throw new ApiError("VALIDATION_ERROR", "Some fields are not valid.", {
        fields: [{ path: "email", message: "Someone already signs in with this email." }],
      });
    }
  }
  const [row] = await db
    .insert(staff)
    .values({
      id: newStaffId(),
      name: command.name,
      role: command.role,
      email,
      passwordHash: command.password ? await hashSecret(command.password) : null,
      pinHash: await hashSecret(command.pin),
    })
    .returning();
  return row!;
}

export async function updateStaff(
  db: Db,
  actor: StaffActor,
  id: string,
  command: UpdateStaffCommand,
): Promise<StaffRow> {
  requireWellFormedId(id, "stf", "No such staff member.");
  const [current] = await db.select().from(staff).where(eq(staff.id, id));
  if (!current) throw new ApiError("NOT_FOUND", "No such staff member.");
  if (current.role === "owner") throw new ApiError("FORBIDDEN", "The owner's account is not changed here.");
  assertMayManage(actor, current.role);
  if (command.role) assertMayManage(actor, command.role);
  const pinHash = command.pin ? await hashSecret(command.pin) : undefined;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(staff)
      .set({
        ...(command.name !== undefined ? { name: command.name } : {}),
        ...(command.role !== undefined ? { role: command.role } : {}),
        ...(command.active !== undefined ? { active: command.active } : {}),
        ...(pinHash ? { pinHash } : {}),
        updatedAt: new Date(),
      })
      .where(eq(staff.id, id))
      .returning();
    // A new PIN, a new role or a disabled account: whoever is signed in as them signs in again.
    if (command.pin || command.active === false || (command.role && command.role !== current.role)) {
      await revokeSessions(tx as unknown as Db, { staffId: id });
    }
    return row!;
  });
}
