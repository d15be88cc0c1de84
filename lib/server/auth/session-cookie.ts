import "server-only";
import { getEnv } from "@/lib/server/env";
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from "./session-token";

export function sessionCookieHeader(token: string): string {
  const secure = getEnv().publicBaseUrl.startsWith("https://") ? "; Secure" : "";
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_SECONDS}${secure}`;
}

export function clearedSessionCookieHeader(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
