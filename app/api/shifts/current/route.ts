import { requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { currentShift, shiftReport } from "@/lib/server/day/shift-service";

export const dynamic = "force-dynamic";

/** The signed-in register's open shift and its report so far, or nulls: shifts are optional. */
export async function GET(request: Request) {
  try {
    const actor = await requireStaff(request);
    const { db } = await getDatabase();
    const shift = await currentShift(db, actor.register.id);
    const report = shift ? await shiftReport(db, shift) : null;
    return Response.json({ shift: report?.shift ?? null, report });
  } catch (error) {
    return handleRouteError(error);
  }
}
