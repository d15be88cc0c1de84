import { MANAGERS, requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import { createStaffSchema } from "@/lib/server/staff/staff-schema";
import { createStaff, listStaff, staffJson } from "@/lib/server/staff/staff-service";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    await requireStaff(request, MANAGERS);
    const { db } = await getDatabase();
    return Response.json({ data: (await listStaff(db)).map(staffJson) });
  } catch (error) {
    return handleRouteError(error);
  }
}

export async function POST(request: Request) {
  try {
    const actor = await requireStaff(request, MANAGERS);
    const command = createStaffSchema.parse(await readJson(request));
    const { db } = await getDatabase();
    return Response.json(staffJson(await createStaff(db, actor, command)), { status: 201 });
  } catch (error) {
    return handleRouteError(error);
  }
}
