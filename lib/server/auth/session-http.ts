import "server-only";
import type { Me } from "@/lib/api-contract";
import { getDatabase } from "@/lib/server/db/database";
import { getEnv } from "@/lib/server/env";
import { readJson } from "@/lib/server/http/read-json";
import { assertSameOrigin } from "./cashier";
import { clientAddress } from "@/lib/server/http/client-address";
import {
  clearedCookieHeaders,
  requestAuthCookie,
  REGISTER_COOKIE,
  registerCookieHeader,
  SESSION_COOKIE,
  sessionCookieHeader,
} from "./cookies";
import { resolveStaffSession, revokeSessions, type StaffActor } from "./sessions";
import { signIn } from "./sign-in";

// The HTTP side of POST/DELETE /api/session and GET /api/me: cookies in, cookies out.

/** `GET /api/me` and the answer to a sign-in. */
export function meJson(actor: StaffActor): Me {
  return { staff: actor.staff, register: actor.register };
}

export async function signInResponse(request: Request): Promise<Response> {
  assertSameOrigin(request);
  const body = await readJson(request);
  const { db } = await getDatabase();
  const result = await signIn(db, {
    body,
    clientAddress: clientAddress(request, getEnv().trustedProxyHops),
    sessionToken: requestAuthCookie(request, SESSION_COOKIE),
    registerToken: requestAuthCookie(request, REGISTER_COOKIE),
  });
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookieHeader(result.sessionToken));
  if (result.registerToken) headers.append("Set-Cookie", registerCookieHeader(result.registerToken));
  return Response.json(meJson(result.actor), { status: 201, headers });
}

/** Signs out: the row is revoked (the cookie is then dead everywhere) and the cookie cleared. */
export async function signOutResponse(request: Request): Promise<Response> {
  assertSameOrigin(request);
  const { db } = await getDatabase();
  const actor = await resolveStaffSession(db, requestAuthCookie(request, SESSION_COOKIE));
  if (actor) await revokeSessions(db, { sessionId: actor.sessionId });
  const headers = new Headers();
  for (const line of clearedCookieHeaders(SESSION_COOKIE)) headers.append("Set-Cookie", line);
  return new Response(null, { status: 204, headers });
}
