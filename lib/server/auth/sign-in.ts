import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/server/db/client";
import { registers, staff } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { pairDirectly } from "@/lib/server/auth/register-service";
import {
  openSessionRow,
  resolveRegisterPairing,
  revokeSessions,
  resolveStaffSession,
  type StaffActor,
} from "./sessions";
import { verifySecret } from "./secret-hash";
import { clearFailures, PASSWORD_RULE, PIN_RULE, throttledAttempt, throttleKeys } from "./throttle";

// POST /api/session: an owner or manager with email + password (anywhere; an unpaired device becomes a
// register), or a staff member with their PIN on a paired register. A refusal never says which part was
// wrong, and the time it takes does not tell a missing account from a wrong password.

export const passwordSchema = z
  .object({
    email: z.string().trim().min(1, "Enter your email.").max(200),
    password: z.string().min(1, "Enter your password.").max(200),
  })
  .strict();
export const pinSchema = z
  .object({
    staff_id: z.string().trim().min(1, "Choose who is selling.").max(60),
    pin: z.string().regex(/^\d{4,6}$/, "A PIN is 4 to 6 digits."),
  })
  .strict();

/** Either form of POST /api/session's body (for the OpenAPI document; signIn picks by `staff_id`). */
export const signInSchema = z.union([passwordSchema, pinSchema]);

export const WRONG_PASSWORD = "That email and password do not match an account.";
export const WRONG_PIN = "That PIN is not right.";
export const UNPAIRED =
  "This device is not a register yet. Ask the owner or a manager for a pairing code (Back office → Registers) and enter it here, or sign in with a password.";

export interface SignInRequest {
  body: unknown;
  clientAddress: string;
  sessionToken: string | undefined;
  registerToken: string | undefined;
}

export interface SignInResult {
  actor: StaffActor;
  sessionToken: string;
  /** Set when this sign-in paired the device: the register cookie to give it. */
  registerToken?: string;
}

export async function signIn(db: Db, request: SignInRequest): Promise<SignInResult> {
  const body = request.body;
  const byPin = typeof body === "object" && body !== null && "staff_id" in body;
  return byPin
    ? signInWithPin(db, request, pinSchema.parse(body))
    : signInWithPassword(db, request, passwordSchema.parse(body));
}

async function signInWithPassword(db: Db, request: SignInRequest, body: z.infer<typeof passwordSchema>) {
  const email = body.email.toLowerCase();
  const guard = {
    keys: [throttleKeys.account(email), throttleKeys.address(request.clientAddress)],
    rule: PASSWORD_RULE,
    tooMany: "Too many wrong passwords. Wait and try again.",
    wrong: new ApiError("UNAUTHENTICATED", WRONG_PASSWORD),
  };
  const person = await throttledAttempt(db, guard, async () => {
    const [row] = await db
      .select()
      .from(staff)
      .where(and(eq(staff.email, email), eq(staff.active, true), inArray(staff.role, ["owner", "manager"])));
    return (await verifySecret(body.password, row?.passwordHash)) && row;
  });
  await endPreviousSession(db, request.sessionToken);
  const paired = await resolveRegisterPairing(db, request.registerToken);
  const fresh = paired ? undefined : await pairDirectly(db, await nextRegisterName(db));
  const registerId = paired?.register.id ?? fresh!.register.id;
  return open(db, person.id, registerId, fresh?.token);
}

async function signInWithPin(db: Db, request: SignInRequest, body: z.infer<typeof pinSchema>) {
  const paired = await resolveRegisterPairing(db, request.registerToken);
  if (!paired) throw new ApiError("FORBIDDEN", UNPAIRED);
  const key = throttleKeys.pinPad(paired.register.id);
  const guard = {
    keys: [key],
    rule: PIN_RULE,
    tooMany: "This PIN pad is locked after too many wrong PINs.",
    wrong: new ApiError("UNAUTHENTICATED", WRONG_PIN),
  };
  const person = await throttledAttempt(db, guard, async () => {
    const [row] = await db
      .select()
      .from(staff)
      .where(and(eq(staff.id, body.staff_id), eq(staff.active, true)));
    return (await verifySecret(body.pin, row?.pinHash)) && row;
  });
  await clearFailures(db, key);
  await endPreviousSession(db, request.sessionToken);
  return open(db, person.id, paired.register.id);
}

/** Switching cashier on a device ends the previous person's session there. */
async function endPreviousSession(db: Db, token: string | undefined): Promise<void> {
  const previous = await resolveStaffSession(db, token);
  if (previous) await revokeSessions(db, { sessionId: previous.sessionId });
}

async function nextRegisterName(db: Db): Promise<string> {
  const count = (await db.select({ id: registers.id }).from(registers)).length;
  return `Register ${count + 1}`;
}

async function open(
  db: Db,
  staffId: string,
  registerId: string,
  registerToken?: string,
): Promise<SignInResult> {
  const session = await openSessionRow(db, { kind: "staff", staffId, registerId });
  const actor = await resolveStaffSession(db, session.token);
  if (!actor) throw new Error("a session just opened is not readable");
  return { actor, sessionToken: session.token, ...(registerToken ? { registerToken } : {}) };
}
