import { MANAGERS, requireStaff } from "@/lib/server/auth/actor";
import { revokeSessions } from "@/lib/server/auth/sessions";
import { getDatabase } from "@/lib/server/db/database";
import { ApiError } from "@/lib/server/http/api-error";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { requireWellFormedId } from "@/lib/server/http/path-id";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireStaff(request, MANAGERS);
    const { db } = await getDatabase();
    const sessionId = requireWellFormedId((await params).id, "ses", "No such open session.");
    const revoked = await revokeSessions(db, { sessionId });
    if (revoked === 0) throw new ApiError("NOT_FOUND", "No such open session.");
    return new Response(null, { status: 204 });
  } catch (error) {
    return handleRouteError(error);
  }
}
