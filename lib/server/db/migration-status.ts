import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrationsFolder, type Db } from "./client";

// Readiness asks whether every migration shipped with this build is applied to the database it serves:
// an instance of a newer build must not take traffic on a schema another instance has not moved yet.

let shipped: number | undefined;

function shippedMigrations(): number {
  shipped ??= (
    JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
      entries: unknown[];
    }
  ).entries.length;
  return shipped;
}

/** How many shipped migrations the database has not applied (0 when up to date). */
export async function pendingMigrations(db: Db): Promise<number> {
  const result = (await db.execute(
    sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { applied: number }[] };
  return Math.max(0, shippedMigrations() - Number(result.rows[0]?.applied ?? 0));
}
