import { MANAGERS, requireStaff } from "@/lib/server/auth/actor";
import { listOpenSessions } from "@/lib/server/auth/sessions";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    await requireStaff(request, MANAGERS);
    const { db } = await getDatabase();
    return Response.json({ data: await listOpenSessions(db) });
  } catch (error) {
    return handleRouteError(error);
  }
}
