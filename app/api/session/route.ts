import { signInResponse, signOutResponse } from "@/lib/server/auth/session-http";
import { handleRouteError } from "@/lib/server/http/handle-route-error";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    return await signInResponse(request);
  } catch (error) {
    return handleRouteError(error);
  }
}

export async function DELETE(request: Request) {
  try {
    return await signOutResponse(request);
  } catch (error) {
    return handleRouteError(error);
  }
}
