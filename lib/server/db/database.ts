import "server-only";
import path from "node:path";
import { getEnv } from "@/lib/server/env";
import { openDatabase, type Database } from "./client";

// One shared instance per process, opened on first use (never during `next build`, which imports
// route modules but does not call them). Kept on globalThis because Next.js may load this module
// more than once (one copy per route bundle) and PGlite must be opened once.
const holder = globalThis as typeof globalThis & { __malipoDatabase?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  if (!holder.__malipoDatabase) {
    const env = getEnv();
    holder.__malipoDatabase = openDatabase(
      env.databaseUrl ? { databaseUrl: env.databaseUrl } : { dataDir: path.join(env.dataDir, "db") },
    ).catch((error: unknown) => {
      holder.__malipoDatabase = undefined;
      throw error;
    });
  }
  return holder.__malipoDatabase;
}

/** For tests and shutdown: closes the shared instance so the next getDatabase() opens anew. */
export async function closeDatabase(): Promise<void> {
  const current = holder.__malipoDatabase;
  holder.__malipoDatabase = undefined;
  if (current) await (await current).close();
}
