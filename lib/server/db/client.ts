import "server-only";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema";
import { acquireDataDirLock } from "./pglite-lock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The handle a `db.transaction(async (tx) => …)` callback receives. */
export type DbTx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /**
   * Subscribes to a NOTIFY channel; resolves to an unsubscribe function. `onReconnect` is called after a
   * lost connection was re-established (notifications may have been missed meanwhile); `onLost` when the
   * connection dropped (readiness reports the LISTEN down until `onReconnect`).
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
    onLost?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `undefined` with no databaseUrl means in-memory (tests). */
  dataDir?: string;
}

export const migrationsFolder = path.join(process.cwd(), "lib/server/db/migrations");
// Any fixed number: several instances starting together run the migrations one at a time.
const MIGRATION_LOCK_ID = 7_351_001;

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {};
  try {
    const client = dataDir ? new PGlite(path.join(dataDir, "pglite")) : new PGlite();
    await client.waitReady;
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      async listen(channel, onPayload) {
        const unsubscribe = await client.listen(channel, onPayload);
        return async () => unsubscribe();
      },
      async close() {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", (error) =>
    console.error(JSON.stringify({ level: "error", msg: "pg pool error", error: error.message })),
  );
  const migrationClient = await pool.connect();
  try {
    await migrationClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migratePg(drizzlePg(migrationClient, { schema }), { migrationsFolder });
  } finally {
    await migrationClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    migrationClient.release();
  }
  const db = drizzlePg(pool, { schema });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    async listen(channel, onPayload, onReconnect, onLost) {
      // LISTEN needs one connection held for as long as the subscription lives. If that connection
      // drops, listen again with a backoff and tell the caller, who re-reads what it may have missed.
      const quoted = `"${channel.replace(/"/g, '""')}"`;
      let client: pg.PoolClient | undefined;
      let stopped = false;
      const handler = (message: pg.Notification) => {
        if (message.channel === channel) onPayload(message.payload ?? "");
      };
      // A terminated connection can emit "error" more than once, and also fail the LISTEN in flight: each
      // client goes back to the pool exactly once and only one reconnect follows, or the instance would
      // pile up LISTEN connections (each a pool slot that pool.end() at shutdown waits for).
      const released = new WeakSet<pg.PoolClient>();
      const drop = (held: pg.PoolClient, destroy: boolean) => {
        if (released.has(held)) return;
        released.add(held);
        held.off("notification", handler);
        held.release(destroy);
      };
      const connect = async (attempt: number, reconnecting: boolean): Promise<void> => {
        let next: pg.PoolClient | undefined;
        try {
          const mine = (next = await pool.connect());
          mine.on("notification", handler);
          mine.on("error", () => {
            const wasCurrent = client === mine;
            drop(mine, true);
            // Lost while the LISTEN was being set up: that query fails too, and its catch retries.
            if (!wasCurrent) return;
            client = undefined;
            if (stopped) return;
            onLost?.();
            void connect(0, true);
          });
          await mine.query(`LISTEN ${quoted}`);
          if (stopped) return drop(mine, false);
          client = mine;
          if (reconnecting) onReconnect?.();
        } catch (error) {
          if (next) drop(next, true);
          // The first LISTEN fails loudly; a lost one keeps retrying in the background.
          if (!reconnecting) throw error;
          const delay = Math.min(1000 * 2 ** attempt, 30_000);
          setTimeout(() => void connect(attempt + 1, true), delay).unref();
        }
      };
      await connect(0, false);
      return async () => {
        stopped = true;
        const current = client;
        client = undefined;
        if (!current) return;
        await current.query(`UNLISTEN ${quoted}`).catch(() => {});
        drop(current, false);
      };
    },
    async close() {
      await pool.end();
    },
  };
}

/** Opens a store and brings its schema up to date. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
