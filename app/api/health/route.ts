import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { handleRouteError } from "@/lib/server/http/handle-route-error";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { db } = await getDatabase();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", db: "ok", sandbox: getEnv().sandbox });
  } catch (error) {
    return handleRouteError(error);
  }
}
