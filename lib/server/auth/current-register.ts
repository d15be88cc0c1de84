import "server-only";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/server/env";
import { SESSION_COOKIE, verifySession, type RegisterSession } from "./session-token";

/** The signed-in register of a page request (server components), or null. */
export async function currentRegister(): Promise<RegisterSession | null> {
  return verifySession((await cookies()).get(SESSION_COOKIE)?.value, getEnv().sessionSecret);
}
