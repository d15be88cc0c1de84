import "server-only";
import type { Register } from "@/lib/api-contract";
import { randomBytes, randomInt } from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/server/db/client";
import { registers, type RegisterRow } from "@/lib/server/db/schema";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { requireWellFormedId } from "@/lib/server/http/path-id";
import { tokenHash } from "@/lib/server/auth/secret-hash";
import { openSessionRow, revokeSessions } from "@/lib/server/auth/sessions";

// A register is a device the owner or a manager authorised with a one-time pairing code. The code is
// shown once (with a QR of the pairing URL), kept only as a keyed hash, lives 15 minutes and works once.

export const PAIRING_TTL_SECONDS = 15 * 60;
// No 0/O, 1/I/L or U: read aloud or typed from a phone screen without mix-ups. 10 of 30 ≈ 49 bits.
const ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
const CODE_LENGTH = 10;
export const DEMO_REGISTER_NAME = "Demo register";

export const registerNameSchema = z.object({
  name: z.string().trim().min(1, "Enter a name for the register.").max(40, "At most 40 characters."),
});
export const pairSchema = z.union([
  z.object({ code: z.string().trim().min(1, "Enter the pairing code.").max(40) }).strict(),
  z.object({ demo: z.literal(true) }).strict(),
]);

export function newRegisterId(): string {
  return `reg_${randomBytes(9).toString("base64url")}`;
}

/** Upper case, no spaces or dashes: `abcd-efgh jk` and `ABCDEFGHJK` are the same code. */
export function normalisePairingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

function codeHash(code: string): string {
  return tokenHash(`pair:${normalisePairingCode(code)}`, getEnv().sessionSecret);
}

function newPairingCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export function registerJson(row: RegisterRow): Register {
  return {
    id: row.id,
    name: row.name,
    paired: row.pairedAt !== null,
    revoked: row.revokedAt !== null,
    pairing_expires_at:
      row.pairingCodeHash && row.pairingExpiresAt ? row.pairingExpiresAt.toISOString() : null,
    created_at: row.createdAt.toISOString(),
  };
}

export async function listRegisters(db: Db): Promise<RegisterRow[]> {
  return db.select().from(registers).orderBy(asc(registers.createdAt), asc(registers.id));
}

/** A new register and its one-time pairing code (the only time the code is seen). */
export async function createRegister(db: Db, name: string, now = new Date()) {
  const code = newPairingCode();
  const [row] = await db
    .insert(registers)
    .values({
      id: newRegisterId(),
      name,
      pairingCodeHash: codeHash(code),
      pairingExpiresAt: new Date(now.getTime() + PAIRING_TTL_SECONDS * 1000),
      createdAt: now,
    })
    .returning();
  const pairingUrl = `${getEnv().publicBaseUrl}/sign-in?pair=${code}`;
  return { row: row!, code, pairingUrl };
}

/**
 * Uses a pairing code: clears it in the same statement that finds it, so two devices racing with one
 * code pair one register. Returns the register cookie's token, or null for a wrong, used or expired code.
 */
export async function pairWithCode(db: Db, code: string, now = new Date()) {
  const [row] = await db
    .update(registers)
    .set({ pairingCodeHash: null, pairingExpiresAt: null, pairedAt: now })
    .where(
      and(
        eq(registers.pairingCodeHash, codeHash(code)),
        gt(registers.pairingExpiresAt, now),
        isNull(registers.revokedAt),
      ),
    )
    .returning();
  if (!row) return null;
  const session = await openSessionRow(db, { kind: "register", registerId: row.id }, now);
  return { register: row, token: session.token };
}

/** A device that an owner or manager signs in on with a password becomes a register at once. */
export async function pairDirectly(db: Db, name: string, now = new Date()) {
  const [row] = await db
    .insert(registers)
    .values({ id: newRegisterId(), name, pairedAt: now, createdAt: now })
    .returning();
  const session = await openSessionRow(db, { kind: "register", registerId: row!.id }, now);
  return { register: row!, token: session.token };
}

/** Sandbox only: one tap pairs this browser as the shared "Demo register". */
export async function pairDemoRegister(db: Db) {
  if (!getEnv().sandbox) throw new ApiError("NOT_FOUND", "Demo pairing exists in sandbox mode only.");
  const [existing] = await db
    .select()
    .from(registers)
    .where(and(eq(registers.name, DEMO_REGISTER_NAME), isNull(registers.revokedAt)));
  if (!existing) return pairDirectly(db, DEMO_REGISTER_NAME);
  const session = await openSessionRow(db, { kind: "register", registerId: existing.id });
  return { register: existing, token: session.token };
}

export async function renameRegister(db: Db, id: string, name: string): Promise<RegisterRow> {
  requireWellFormedId(id, "reg", "No such register.");
  const [row] = await db.update(registers).set({ name }).where(eq(registers.id, id)).returning();
  if (!row) throw new ApiError("NOT_FOUND", "No such register.");
  return row;
}

/** Ends the device's pairing and every session on it, at once and on every instance. */
export async function revokeRegister(db: Db, id: string, now = new Date()): Promise<RegisterRow> {
  requireWellFormedId(id, "reg", "No such register.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(registers)
      .set({ revokedAt: now, pairingCodeHash: null, pairingExpiresAt: null })
      .where(eq(registers.id, id))
      .returning();
    if (!row) throw new ApiError("NOT_FOUND", "No such register.");
    await revokeSessions(tx as unknown as Db, { registerId: id }, now);
    return row;
  });
}
