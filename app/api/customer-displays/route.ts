import { MANAGERS, requireStaff } from "@/lib/server/auth/actor";
import {
  createCustomerDisplay,
  customerDisplayJson,
  listCustomerDisplays,
} from "@/lib/server/auth/customer-displays";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";

export const dynamic = "force-dynamic";

// Customer displays (docs/api.md "Customer display"). The owner and managers see every register's; a
// cashier sees the register they sell on. Anyone signed in at a register links a display to it.

export async function GET(request: Request) {
  try {
    const actor = await requireStaff(request);
    const manager = MANAGERS.includes(actor.staff.role);
    const { db } = await getDatabase();
    const rows = await listCustomerDisplays(db, manager ? undefined : actor.register.id);
    return Response.json({ data: rows.map(customerDisplayJson) });
  } catch (error) {
    return handleRouteError(error);
  }
}

export async function POST(request: Request) {
  try {
    const actor = await requireStaff(request);
    const { db } = await getDatabase();
    const { display, url } = await createCustomerDisplay(db, {
      registerId: actor.register.id,
      registerName: actor.register.name,
      staffId: actor.staff.id,
    });
    return Response.json({ ...customerDisplayJson(display), url }, { status: 201 });
  } catch (error) {
    return handleRouteError(error);
  }
}
