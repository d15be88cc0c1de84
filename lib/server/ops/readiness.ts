import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/server/db/database";
import { pendingMigrations } from "@/lib/server/db/migration-status";
import { isDraining } from "@/lib/server/http/request-gate";
import { getListenHub } from "@/lib/server/realtime/listen-hub";

// GET /api/ready (README "Readiness"): may a load balancer send this instance traffic? Only when the
// database answers, every shipped migration is applied and the LISTEN connection that carries live status
// across instances is up; never once a graceful shutdown has begun.

export type NotReadyReason = "shutting_down" | "db" | "migrations" | "listen";
export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason };

const DB_TIMEOUT_MS = 2_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref()),
  ]);
}

export async function checkReadiness(): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: "shutting_down" };
  let pending: number;
  try {
    const { db } = await within(getDatabase(), DB_TIMEOUT_MS);
    await within(db.execute(sql`select 1`), DB_TIMEOUT_MS);
    pending = await within(pendingMigrations(db), DB_TIMEOUT_MS);
  } catch {
    return { ready: false, reason: "db" };
  }
  if (pending > 0) return { ready: false, reason: "migrations" };
  const hub = await getListenHub();
  if (!hub.isListening()) return { ready: false, reason: "listen" };
  return { ready: true };
}
