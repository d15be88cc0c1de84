import { requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { closeShiftSchema, shiftPerson } from "@/lib/server/day/shift-schema";
import { closeShift } from "@/lib/server/day/shift-service";

export const dynamic = "force-dynamic";

/** Closes the shift with the cash counted → its Z report; a closed shift answers 409 SHIFT_CLOSED. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireStaff(request);
    const body = closeShiftSchema.parse(await readJson(request));
    const { db } = await getDatabase();
    const report = await closeShift(db, (await params).id, shiftPerson(actor), {
      countedCash: body.counted_cash,
    });
    return Response.json(report);
  } catch (error) {
    return handleRouteError(error);
  }
}
