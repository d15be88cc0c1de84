import "server-only";
import { metrics } from "@/lib/server/metrics/registry";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { authThrottle } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { log } from "@/lib/server/log";

// Failed sign-ins are counted in the database, so every instance sees the same counts (docs/api.md#staff).
// Each failure is one atomic upsert: two instances counting at once
// never lose a count.

/** 10 wrong passwords (or pairing codes) per account or per client address per 15 minutes. */
export const PASSWORD_RULE = { limit: 10, windowSeconds: 15 * 60, doubling: false } as const;
/** 5 wrong PINs on one register lock its PIN pad for 5 minutes, then 10, 20, … */
export const PIN_RULE = { limit: 5, windowSeconds: 5 * 60, doubling: true } as const;
/** All failures everywhere: past this many in 15 minutes someone is probably attacking; an operator alerts. */
export const GLOBAL_FAILURE_CEILING = 200;
const GLOBAL_WINDOW_SECONDS = 15 * 60;

export type ThrottleRule = typeof PASSWORD_RULE | typeof PIN_RULE;

export const throttleKeys = {
  account: (email: string) => `pw:account:${email.toLowerCase()}`,
  address: (address: string) => `pw:address:${address}`,
  pinPad: (registerId: string) => `pin:register:${registerId}`,
};

/** Seconds until `key` unlocks, or 0. */
export async function lockedFor(db: Db, key: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ lockedUntil: authThrottle.lockedUntil })
    .from(authThrottle)
    .where(eq(authThrottle.key, key));
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
}

export function rateLimited(seconds: number, message: string): ApiError {
  return new ApiError("RATE_LIMITED", message, { headers: { "Retry-After": String(seconds) } });
}

/** Refuses with 429 when any of `keys` is locked. Reads only: a refused request writes nothing. */
export async function assertNotLocked(db: Db, keys: string[], message: string): Promise<void> {
  const waits = await Promise.all(keys.map((key) => lockedFor(db, key)));
  const wait = Math.max(0, ...waits);
  if (wait > 0) {
    metrics.signInThrottled.inc({ kind: "locked" });
    throw rateLimited(wait, message);
  }
}

/** One more failure on `key` in its window (a window that has passed starts over), atomically. */
async function bump(db: Db, key: string, windowSeconds: number, now: Date) {
  const windowStart = new Date(now.getTime() - windowSeconds * 1000);
  const passed = sql`${authThrottle.windowStart} <= ${windowStart}`;
  const [row] = await db
    .insert(authThrottle)
    .values({ key, failures: 1, windowStart: now, lockCount: 0 })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`case when ${passed} then 1 else ${authThrottle.failures} + 1 end`,
        windowStart: sql`case when ${passed} then ${now} else ${authThrottle.windowStart} end`,
      },
    })
    .returning();
  return row!;
}

/** Counts one failure against `key`; returns the seconds it is now locked for (0 when not locked). */
export async function recordFailure(
  db: Db,
  key: string,
  rule: ThrottleRule,
  now = new Date(),
): Promise<number> {
  const row = await bump(db, key, rule.windowSeconds, now);
  await countGlobal(db, now);
  if (row.failures < rule.limit) return 0;
  // Password keys stay locked until their window ends; PIN pads for 5 min × 2^(locks so far).
  const seconds = rule.doubling
    ? rule.windowSeconds * 2 ** row.lockCount
    : Math.max(1, Math.ceil((row.windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000));
  await db
    .update(authThrottle)
    .set({
      lockedUntil: new Date(now.getTime() + seconds * 1000),
      lockCount: row.lockCount + 1,
      // A PIN pad starts counting afresh after its lock; a password window keeps its count until it ends.
      ...(rule.doubling ? { failures: 0 } : {}),
    })
    .where(eq(authThrottle.key, key));
  return seconds;
}

/** A right PIN clears the pad's count and its doubling. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}

async function countGlobal(db: Db, now: Date): Promise<void> {
  const row = await bump(db, "global", GLOBAL_WINDOW_SECONDS, now);
  // Once per window, when the count crosses the ceiling: one line to alert on, not one per failure.
  if (row.failures === GLOBAL_FAILURE_CEILING) {
    log.warn("sign-in failure ceiling reached", {
      failures: row.failures,
      windowMinutes: GLOBAL_WINDOW_SECONDS / 60,
      alert: "auth_failure_ceiling",
    });
  }
}

/**
 * Runs a guarded check: 429 while any key is locked; a failed `attempt` (null/false) counts against every
 * key and answers `wrong` (or 429 when that failure locked a key). Returns what the attempt found.
 */
export async function throttledAttempt<T>(
  db: Db,
  guard: { keys: string[]; rule: ThrottleRule; tooMany: string; wrong: ApiError },
  attempt: () => Promise<T | null | false | undefined>,
): Promise<T> {
  await assertNotLocked(db, guard.keys, guard.tooMany);
  const found = await attempt();
  if (found) return found;
  const waits = await Promise.all(guard.keys.map((key) => recordFailure(db, key, guard.rule)));
  const wait = Math.max(0, ...waits);
  if (wait > 0) {
    metrics.signInThrottled.inc({ kind: "locking" });
    throw rateLimited(wait, guard.tooMany);
  }
  throw guard.wrong;
}
