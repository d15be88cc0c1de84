import "server-only";
import { currentStaff } from "@/lib/server/auth/actor";
import { requestAuthCookie, SESSION_COOKIE } from "@/lib/server/auth/cookies";
import { getEnv } from "@/lib/server/env";
import { clientAddress } from "@/lib/server/http/client-address";
import { classifyAddress } from "@/lib/server/http/outbound-url";
import { webhookTargetRefusal } from "@/lib/sandbox/common/webhook-target";

// The simulators' levers (`/control/…`: settings with their keys and signing secrets, forced transitions,
// the delivery log) are for whoever runs the demo: this machine, or the shop's owner signed in. Anyone else
// who can reach a sandbox instance could otherwise swap its keys, or aim its webhooks at internal hosts to
// scan them; so any webhook URL the sandbox is given must point at this app (PUBLIC_BASE_URL,
// lib/sandbox/common/webhook-target.ts).

function refusal(status: number, code: string, message: string) {
  return Response.json({ error: { code, message } }, { status });
}

/** Loopback as a dual-stack server reports it too (`::ffff:127.0.0.1`). */
function isLoopback(address: string): boolean {
  return classifyAddress(address.replace(/^::ffff:/i, "")) === "loopback";
}

async function signedInOwner(request: Request): Promise<boolean> {
  // No session cookie: nobody is signed in, and the database need not be asked.
  if (!requestAuthCookie(request, SESSION_COOKIE)) return false;
  return (await currentStaff(request))?.staff.role === "owner";
}

/**
 * A refusal for a request that may not pass, or null to hand it to the simulator: a `/control/…` lever
 * from elsewhere than this machine or the owner, or any write that names a webhook URL outside this app
 * (a lever's settings, or a payment created through the simulator's API with the public test keys).
 */
export async function controlRefusal(request: Request, segments: string[]): Promise<Response | null> {
  const env = getEnv();
  if (
    segments[0] === "control" &&
    !isLoopback(clientAddress(request, env.trustedProxyHops)) &&
    !(await signedInOwner(request))
  ) {
    return refusal(
      403,
      "FORBIDDEN",
      "The sandbox's controls answer this machine or the signed-in owner only.",
    );
  }
  return webhookTargetRefusal(request, [env.publicBaseUrl]);
}
