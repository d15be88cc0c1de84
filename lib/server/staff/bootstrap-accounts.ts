import "server-only";
import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/server/db/client";
import { ownerSetup, staff } from "@/lib/server/db/schema";
import type { Env } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { hashSecret, tokenHash } from "@/lib/server/auth/secret-hash";
import { newStaffId } from "./staff-service";

// The shop's first account. Sandbox: a demo owner and a demo cashier, printed at start. Live: the owner
// from OWNER_EMAIL/OWNER_PASSWORD, or else a one-time setup code printed at start for /setup.

export const DEMO_CASHIER_NAME = "Demo cashier";
const SETUP_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

export type BootstrapOutcome =
  | { kind: "owner-exists" }
  | { kind: "owner-created"; demoCashier: boolean }
  | { kind: "setup-code"; code: string };

async function ownerExists(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: staff.id }).from(staff).where(eq(staff.role, "owner"));
  return Boolean(row);
}

async function insertOwner(db: Db, email: string, password: string, name = "Owner"): Promise<boolean> {
  const rows = await db
    .insert(staff)
    .values({
      id: newStaffId(),
      name,
      role: "owner",
      email: email.toLowerCase(),
      passwordHash: await hashSecret(password),
    })
    .onConflictDoNothing()
    .returning({ id: staff.id });
  return rows.length > 0;
}

export async function bootstrapAccounts(db: Db, env: Env): Promise<BootstrapOutcome> {
  if (await ownerExists(db)) return { kind: "owner-exists" };
  const owner =
    env.owner ?? (env.demo ? { email: env.demo.ownerEmail, password: env.demo.ownerPassword } : undefined);
  if (owner) {
    // Several instances starting together: the unique owner index lets one of them win.
    const created = await insertOwner(db, owner.email, owner.password);
    if (created && env.demo) {
      await db.insert(staff).values({
        id: newStaffId(),
        name: DEMO_CASHIER_NAME,
        role: "cashier",
        pinHash: await hashSecret(env.demo.cashierPin),
      });
    }
    return { kind: "owner-created", demoCashier: created && Boolean(env.demo) };
  }
  const code = Array.from({ length: 12 }, () => SETUP_ALPHABET[randomInt(SETUP_ALPHABET.length)]).join("");
  await db
    .insert(ownerSetup)
    .values({ id: 1, codeHash: tokenHash(`setup:${code}`, env.sessionSecret) })
    .onConflictDoUpdate({
      target: ownerSetup.id,
      set: { codeHash: tokenHash(`setup:${code}`, env.sessionSecret), createdAt: new Date() },
    });
  return { kind: "setup-code", code };
}

export const setupSchema = z
  .object({
    code: z.string().trim().min(1, "Enter the setup code from the server's log.").max(40),
    name: z.string().trim().min(1, "Enter your name.").max(60),
    email: z.email("Enter an email address.").max(200),
    password: z.string().min(10, "At least 10 characters.").max(200),
  })
  .strict();

/** /setup: the one-time code makes the owner account; after that the code and the page are gone. */
export async function completeSetup(db: Db, env: Env, body: z.infer<typeof setupSchema>): Promise<boolean> {
  if (await ownerExists(db)) throw new ApiError("NOT_FOUND", "This shop already has an owner.");
  const hash = tokenHash(`setup:${body.code.toUpperCase().replace(/[\s-]/g, "")}`, env.sessionSecret);
  const used = await db
    .delete(ownerSetup)
    .where(eq(ownerSetup.codeHash, hash))
    .returning({ id: ownerSetup.id });
  if (used.length === 0) return false;
  return insertOwner(db, body.email, body.password, body.name);
}
