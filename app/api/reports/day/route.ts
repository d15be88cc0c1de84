import { MANAGERS, requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { dayReport, parseDayQuery } from "@/lib/server/day/day-report";

export const dynamic = "force-dynamic";

/** The day across registers, or one (`?register=`), in Dar es Salaam days: owner and managers. */
export async function GET(request: Request) {
  try {
    await requireStaff(request, MANAGERS);
    const query = parseDayQuery(new URL(request.url).searchParams);
    const { db } = await getDatabase();
    return Response.json(await dayReport(db, query));
  } catch (error) {
    return handleRouteError(error);
  }
}
