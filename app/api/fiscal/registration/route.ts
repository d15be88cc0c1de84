import { requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { registerFromBackOffice } from "@/lib/server/fiscal/back-office";
import { handleRouteError } from "@/lib/server/http/handle-route-error";

export const dynamic = "force-dynamic";

// The owner registers the device with TRA (again): TRA answers with the same data; counters are kept.
export async function POST(request: Request) {
  try {
    await requireStaff(request, ["owner"]);
    const { db } = await getDatabase();
    return Response.json(await registerFromBackOffice(db));
  } catch (error) {
    return handleRouteError(error);
  }
}
