import { MANAGERS, requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { updateStaffSchema } from "@/lib/server/staff/staff-schema";
import { staffJson, updateStaff } from "@/lib/server/staff/staff-service";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireStaff(request, MANAGERS);
    const command = updateStaffSchema.parse(await readJson(request));
    const { db } = await getDatabase();
    return Response.json(staffJson(await updateStaff(db, actor, (await params).id, command)));
  } catch (error) {
    return handleRouteError(error);
  }
}
