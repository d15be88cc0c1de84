import "server-only";
import { z } from "zod";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { clientKey, createRateLimiter } from "@/lib/server/http/rate-limit";
import { log } from "@/lib/server/log";
import { assertSameOrigin, readCookie, secretEquals } from "./cashier";
import { registerCookieHeader, sessionCookieHeader } from "./session-cookie";
import {
  newRegisterId,
  REGISTER_COOKIE,
  REGISTER_TTL_SECONDS,
  signSession,
  SESSION_TTL_SECONDS,
  verifySession,
} from "./session-token";

export const signInSchema = z.object({ code: z.string().trim().min(1, "Enter the access code.").max(128) });

// Ten tries per five minutes per client address: a 6-digit code cannot be walked through.
const holder = globalThis as typeof globalThis & {
  __malipoLoginLimiter?: ReturnType<typeof createRateLimiter>;
};
const limiter = (holder.__malipoLoginLimiter ??= createRateLimiter(10, 300));

export async function openSession(request: Request, body: unknown): Promise<Response> {
  assertSameOrigin(request);
  const key = clientKey(request);
  const wait = limiter.hit(key);
  if (wait > 0) {
    throw new ApiError("RATE_LIMITED", "Too many attempts. Wait a few minutes and try again.", {
      headers: { "Retry-After": String(wait) },
    });
  }
  const { code } = signInSchema.parse(body);
  const secret = getEnv().sessionSecret;
  if (!secretEquals(code, getEnv().posAccessCode)) {
    log.warn("register sign-in refused", { client: key });
    throw new ApiError("UNAUTHENTICATED", "That access code is not right.");
  }
  limiter.reset(key);
  const now = Math.floor(Date.now() / 1000);
  // The same device keeps its register (and so its payment history) across sign-ins.
  const registerId =
    verifySession(readCookie(request, REGISTER_COOKIE), secret)?.registerId ?? newRegisterId();
  const headers = new Headers();
  headers.append(
    "Set-Cookie",
    sessionCookieHeader(signSession({ registerId, expiresAt: now + SESSION_TTL_SECONDS }, secret)),
  );
  headers.append(
    "Set-Cookie",
    registerCookieHeader(signSession({ registerId, expiresAt: now + REGISTER_TTL_SECONDS }, secret)),
  );
  return Response.json({ registerId }, { status: 201, headers });
}
