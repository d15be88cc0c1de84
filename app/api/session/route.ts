import { openSession } from "@/lib/server/auth/open-session";
import { assertSameOrigin } from "@/lib/server/auth/cashier";
import { clearedSessionCookieHeader } from "@/lib/server/auth/session-cookie";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    return await openSession(request, await readJson(request));
  } catch (error) {
    return handleRouteError(error);
  }
}

export async function DELETE(request: Request) {
  try {
    assertSameOrigin(request);
    return new Response(null, { status: 204, headers: { "Set-Cookie": clearedSessionCookieHeader() } });
  } catch (error) {
    return handleRouteError(error);
  }
}
