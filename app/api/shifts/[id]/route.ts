import { requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { shiftPerson } from "@/lib/server/day/shift-schema";
import { loadShift, shiftReport } from "@/lib/server/day/shift-service";

export const dynamic = "force-dynamic";

/** A shift's Z report: frozen at close, or as of now while it is open. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireStaff(request);
    const { db } = await getDatabase();
    const shift = await loadShift(db, (await params).id, shiftPerson(actor));
    return Response.json(await shiftReport(db, shift));
  } catch (error) {
    return handleRouteError(error);
  }
}
