import { MANAGERS, requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { dayCsv } from "@/lib/server/day/day-csv";
import { parseDayQuery } from "@/lib/server/day/day-report";

export const dynamic = "force-dynamic";

/** One row per payment of the day, RFC 4180, for a spreadsheet: owner and managers. */
export async function GET(request: Request) {
  try {
    await requireStaff(request, MANAGERS);
    const query = parseDayQuery(new URL(request.url).searchParams);
    const { db } = await getDatabase();
    const name = `malipo-${query.date}${query.register ? `-${query.register}` : ""}.csv`;
    return new Response(await dayCsv(db, query), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return handleRouteError(error);
  }
}
