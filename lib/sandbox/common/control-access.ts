import { timingSafeEqual } from "node:crypto";

// The standalone sandbox's levers (`/control/…`: settings with their keys and signing secrets, forced
// transitions, the delivery log) answer as the mounted sandbox's do (app/sandbox/control-gate.ts): a
// caller on this machine, or one that shows the control token the operator started it with. Anyone else
// who can reach the port could otherwise swap its keys, or aim its webhooks at internal hosts.

export const CONTROL_TOKEN_HEADER = "x-sandbox-control-token";

/** A control path of either simulator: `/control/…` or `/splashpay/control/…`. */
export function isControlPath(path: string): boolean {
  return /^(\/splashpay)?\/control(\/|$)/.test(path);
}

/** 127.0.0.0/8 and ::1, also as a dual-stack socket reports them (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/i, "");
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** May this caller use a control path? Loopback always; elsewhere only with the configured token. */
export function controlAllowed(
  remoteAddress: string | undefined,
  givenToken: string | null,
  controlToken: string | undefined,
): boolean {
  if (isLoopbackAddress(remoteAddress)) return true;
  return controlToken !== undefined && controlToken !== "" && sameToken(givenToken, controlToken);
}
