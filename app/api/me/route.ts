import { requireStaff } from "@/lib/server/auth/actor";
import { meJson } from "@/lib/server/auth/session-http";
import { handleRouteError } from "@/lib/server/http/handle-route-error";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    return Response.json(meJson(await requireStaff(request)));
  } catch (error) {
    return handleRouteError(error);
  }
}
