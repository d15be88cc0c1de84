import { MANAGERS, requireStaff } from "@/lib/server/auth/actor";
import { customerDisplayJson, revokeCustomerDisplay } from "@/lib/server/auth/customer-displays";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";

export const dynamic = "force-dynamic";

/** Disconnects a display: the owner or a manager any; a cashier only their own register's. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireStaff(request);
    const manager = MANAGERS.includes(actor.staff.role);
    const { db } = await getDatabase();
    const revoked = await revokeCustomerDisplay(
      db,
      (await params).id,
      manager ? undefined : actor.register.id,
    );
    return Response.json(customerDisplayJson(revoked));
  } catch (error) {
    return handleRouteError(error);
  }
}
