import "server-only";
import type { StaffSession } from "@/lib/api-contract";
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { authSessions, registers, staff } from "@/lib/server/db/schema";
import { getEnv } from "@/lib/server/env";
import { REGISTER_TTL_SECONDS, SESSION_TTL_SECONDS } from "./cookies";
import { randomToken, tokenHash } from "./secret-hash";

// Sessions are rows; a cookie holds a random token and the row only its keyed hash. Every request reads
// the row (no cache), so a revocation is seen at once by every instance sharing the database.

export type SessionKind = "staff" | "register";
export type Role = "owner" | "manager" | "cashier";

export interface StaffActor {
  sessionId: string;
  staff: { id: string; name: string; role: Role };
  register: { id: string; name: string };
}

export interface PairedRegister {
  sessionId: string;
  register: { id: string; name: string };
}

function hashOf(token: string): string {
  return tokenHash(token, getEnv().sessionSecret);
}

/** Opens a session row; returns the token for the cookie (never stored). */
export async function openSessionRow(
  db: Db,
  row: { kind: SessionKind; staffId?: string; registerId: string },
  now = new Date(),
): Promise<{ id: string; token: string }> {
  const token = randomToken();
  const id = `ses_${randomBytes(9).toString("base64url")}`;
  const ttl = row.kind === "staff" ? SESSION_TTL_SECONDS : REGISTER_TTL_SECONDS;
  await db.insert(authSessions).values({
    id,
    tokenHash: hashOf(token),
    kind: row.kind,
    staffId: row.staffId ?? null,
    registerId: row.registerId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ttl * 1000),
  });
  return { id, token };
}

function live(now: Date): SQL {
  return and(isNull(authSessions.revokedAt), gt(authSessions.expiresAt, now), isNull(registers.revokedAt))!;
}

/** The person signed in with `token`, or null: wrong kind, revoked, expired, disabled or device revoked. */
export async function resolveStaffSession(db: Db, token: string | undefined): Promise<StaffActor | null> {
  if (!token) return null;
  const now = new Date();
  const [row] = await db
    .select({ session: authSessions, staff, register: registers })
    .from(authSessions)
    .innerJoin(staff, eq(staff.id, authSessions.staffId))
    .innerJoin(registers, eq(registers.id, authSessions.registerId))
    .where(
      and(
        eq(authSessions.tokenHash, hashOf(token)),
        eq(authSessions.kind, "staff"),
        live(now),
        eq(staff.active, true),
      ),
    );
  if (!row) return null;
  return {
    sessionId: row.session.id,
    staff: { id: row.staff.id, name: row.staff.name, role: row.staff.role as Role },
    register: { id: row.register.id, name: row.register.name },
  };
}

/** The register this device is paired as, or null (a person's session token is never accepted here). */
export async function resolveRegisterPairing(
  db: Db,
  token: string | undefined,
): Promise<PairedRegister | null> {
  if (!token) return null;
  const now = new Date();
  const [row] = await db
    .select({ session: authSessions, register: registers })
    .from(authSessions)
    .innerJoin(registers, eq(registers.id, authSessions.registerId))
    .where(and(eq(authSessions.tokenHash, hashOf(token)), eq(authSessions.kind, "register"), live(now)));
  if (!row) return null;
  return { sessionId: row.session.id, register: { id: row.register.id, name: row.register.name } };
}

export type RevokeTarget = { sessionId: string } | { staffId: string } | { registerId: string };

/** Marks live rows revoked; returns how many. */
export async function revokeSessions(db: Db, target: RevokeTarget, now = new Date()): Promise<number> {
  const which =
    "sessionId" in target
      ? eq(authSessions.id, target.sessionId)
      : "staffId" in target
        ? and(eq(authSessions.staffId, target.staffId), eq(authSessions.kind, "staff"))
        : eq(authSessions.registerId, target.registerId);
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(which, isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return rows.length;
}

/** Open person sessions for the back office, newest first. */
export async function listOpenSessions(db: Db): Promise<StaffSession[]> {
  const now = new Date();
  const rows = await db
    .select({ session: authSessions, staff, register: registers })
    .from(authSessions)
    .innerJoin(staff, eq(staff.id, authSessions.staffId))
    .innerJoin(registers, eq(registers.id, authSessions.registerId))
    .where(and(eq(authSessions.kind, "staff"), live(now), eq(staff.active, true)))
    .orderBy(desc(authSessions.createdAt))
    .limit(200);
  return rows.map(({ session, staff: person, register }) => ({
    id: session.id,
    staff: { id: person.id, name: person.name, role: person.role as Role },
    register: { id: register.id, name: register.name },
    created_at: session.createdAt.toISOString(),
    expires_at: session.expiresAt.toISOString(),
  }));
}
