import { MANAGERS, requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { fiscalOverview } from "@/lib/server/fiscal/fiscal-status";
import { handleRouteError } from "@/lib/server/http/handle-route-error";

export const dynamic = "force-dynamic";

// The back office's view of fiscal receipts: the TRA registration and the queue (pending, received,
// refused with TRA's code).
export async function GET(request: Request) {
  try {
    await requireStaff(request, MANAGERS);
    const { db } = await getDatabase();
    return Response.json(await fiscalOverview(db));
  } catch (error) {
    return handleRouteError(error);
  }
}
