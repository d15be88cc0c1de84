import "server-only";
import { getEnv } from "@/lib/server/env";
import { REGISTER_COOKIE, REGISTER_TTL_SECONDS, SESSION_COOKIE, SESSION_TTL_SECONDS } from "./session-token";

function cookie(name: string, value: string, maxAge: number): string {
  const secure = getEnv().publicBaseUrl.startsWith("https://") ? "; Secure" : "";
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export function sessionCookieHeader(token: string): string {
  return cookie(SESSION_COOKIE, token, SESSION_TTL_SECONDS);
}

export function registerCookieHeader(token: string): string {
  return cookie(REGISTER_COOKIE, token, REGISTER_TTL_SECONDS);
}

export function clearedSessionCookieHeader(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
