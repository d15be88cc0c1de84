import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "@/lib/server/db/client";

// Integration tests run against every store Malipo supports: PGlite always, PostgreSQL whenever
// TEST_DATABASE_URL is set. Each call makes a brand-new database, so test files never share state.

export interface TestStore {
  name: "pglite" | "postgres";
  /** `url` is set for PostgreSQL, so a test can open a second, independent client on the same database. */
  open(): Promise<{ database: Database; drop(): Promise<void>; url?: string }>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function testStores(): TestStore[] {
  const stores: TestStore[] = [
    {
      name: "pglite",
      async open() {
        const database = await openDatabase({});
        return { database, drop: () => database.close() };
      },
    },
  ];
  const baseUrl = inject("testDatabaseUrl");
  if (baseUrl) {
    stores.push({
      name: "postgres",
      async open() {
        const name = `malipo_t_${randomBytes(6).toString("hex")}`;
        await adminQuery(baseUrl, `create database ${name}`);
        const url = new URL(baseUrl);
        url.pathname = `/${name}`;
        const database = await openDatabase({ databaseUrl: url.toString() });
        return {
          database,
          url: url.toString(),
          async drop() {
            await database.close();
            await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
          },
        };
      },
    });
  }
  return stores;
}
