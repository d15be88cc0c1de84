import { requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { openShiftSchema, shiftPerson } from "@/lib/server/day/shift-schema";
import { openShift, shiftReport } from "@/lib/server/day/shift-service";

export const dynamic = "force-dynamic";

/** Opens a shift on the signed-in register with a cash float (docs/api.md#the-merchants-day). */
export async function POST(request: Request) {
  try {
    const actor = await requireStaff(request);
    const command = openShiftSchema.parse(await readJson(request));
    const { db } = await getDatabase();
    const shift = await openShift(db, shiftPerson(actor), command);
    return Response.json(await shiftReport(db, shift), { status: 201 });
  } catch (error) {
    return handleRouteError(error);
  }
}
