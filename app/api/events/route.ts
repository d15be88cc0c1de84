import { getDatabase } from "@/lib/server/db/database";
import { versionedRoute } from "@/lib/server/http/api-version";
import { listEvents, parseListEventsQuery } from "@/lib/server/checkout/list-events";
import { requireMerchant } from "@/lib/server/checkout/merchant-auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return versionedRoute(request, async () => {
    requireMerchant(request);
    const query = parseListEventsQuery(new URL(request.url).searchParams);
    const { db } = await getDatabase();
    return Response.json(await listEvents(db, query));
  });
}
