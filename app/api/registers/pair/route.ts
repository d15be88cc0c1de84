import { pairResponse } from "@/lib/server/auth/pair-http";
import { handleRouteError } from "@/lib/server/http/handle-route-error";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    return await pairResponse(request);
  } catch (error) {
    return handleRouteError(error);
  }
}
