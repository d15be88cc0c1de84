import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { CustomerDisplay } from "@/lib/customer-display-contract";
import type { Db } from "@/lib/server/db/client";
import { customerDisplays, registers, type CustomerDisplayRow } from "@/lib/server/db/schema";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { requireWellFormedId } from "@/lib/server/http/path-id";
import { randomToken, tokenHash } from "./secret-hash";

// Customer displays (docs/api.md "Customer display"): a register shows a QR of /display/{token}; the phone
// or tablet that scans it follows that register's sale. The token (256 random bits) is shown once and kept
// only as a keyed hash, like a session token; the back office or the register can revoke it at any time,
// and revoking the register stops its displays too.

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const NOT_FOUND = "No such customer display.";

interface DisplayWithRegister {
  display: CustomerDisplayRow;
  registerName: string;
}

function hashOf(token: string): string {
  return tokenHash(`display:${token}`, getEnv().sessionSecret);
}

export function customerDisplayJson({ display, registerName }: DisplayWithRegister): CustomerDisplay {
  return {
    id: display.id,
    register_id: display.registerId,
    register_name: registerName,
    created_at: display.createdAt.toISOString(),
    last_seen_at: display.lastSeenAt?.toISOString() ?? null,
    revoked: display.revokedAt !== null,
  };
}

/** A new display for the register the signed-in person sells on; the URL is seen only here. */
export async function createCustomerDisplay(
  db: Db,
  command: { registerId: string; registerName: string; staffId: string },
  now = new Date(),
) {
  const token = randomToken();
  const [row] = await db
    .insert(customerDisplays)
    .values({
      id: `cd_${randomBytes(9).toString("base64url")}`,
      registerId: command.registerId,
      tokenHash: hashOf(token),
      createdBy: command.staffId,
      createdAt: now,
    })
    .returning();
  return {
    display: { display: row!, registerName: command.registerName },
    url: `${getEnv().publicBaseUrl}/display/${token}`,
  };
}

/** The displays still linked: every register's for the back office, one register's for a cashier. */
export async function listCustomerDisplays(db: Db, registerId?: string): Promise<DisplayWithRegister[]> {
  const rows = await db
    .select({ display: customerDisplays, registerName: registers.name })
    .from(customerDisplays)
    .innerJoin(registers, eq(registers.id, customerDisplays.registerId))
    .where(
      and(
        isNull(customerDisplays.revokedAt),
        isNull(registers.revokedAt),
        registerId ? eq(customerDisplays.registerId, registerId) : undefined,
      ),
    )
    .orderBy(asc(customerDisplays.createdAt), asc(customerDisplays.id));
  return rows;
}

/**
 * Disconnects a display at once (its stream checks on every wake and ping). `registerId` limits a cashier
 * to their own register's displays: another register's is "not found", as if it did not exist.
 */
export async function revokeCustomerDisplay(
  db: Db,
  id: string,
  registerId: string | undefined,
  now = new Date(),
): Promise<DisplayWithRegister> {
  requireWellFormedId(id, "cd", NOT_FOUND);
  const [row] = await db
    .update(customerDisplays)
    .set({ revokedAt: now })
    .where(
      and(
        eq(customerDisplays.id, id),
        isNull(customerDisplays.revokedAt),
        registerId ? eq(customerDisplays.registerId, registerId) : undefined,
      ),
    )
    .returning();
  if (!row) throw new ApiError("NOT_FOUND", NOT_FOUND);
  const [register] = await db.select().from(registers).where(eq(registers.id, row.registerId));
  return { display: row, registerName: register?.name ?? "" };
}

/** The live display a token opens, or null for a wrong, revoked or malformed token or a revoked register. */
export async function resolveCustomerDisplay(db: Db, token: string): Promise<CustomerDisplayRow | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({ display: customerDisplays })
    .from(customerDisplays)
    .innerJoin(registers, eq(registers.id, customerDisplays.registerId))
    .where(
      and(
        eq(customerDisplays.tokenHash, hashOf(token)),
        isNull(customerDisplays.revokedAt),
        isNull(registers.revokedAt),
      ),
    )
    .limit(1);
  return row?.display ?? null;
}

/** Still linked? Asked by an open stream so a revocation on any instance ends it. */
export async function customerDisplayActive(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: customerDisplays.id })
    .from(customerDisplays)
    .innerJoin(registers, eq(registers.id, customerDisplays.registerId))
    .where(and(eq(customerDisplays.id, id), isNull(customerDisplays.revokedAt), isNull(registers.revokedAt)))
    .limit(1);
  return row !== undefined;
}

export async function markCustomerDisplaySeen(db: Db, id: string, now = new Date()): Promise<void> {
  await db.update(customerDisplays).set({ lastSeenAt: now }).where(eq(customerDisplays.id, id));
}
