import { settingsIssues } from "../common/settings-schemas";
import { fail, findPayment, type ApiKey, type SplashPayContext } from "./context";
import { json, MESSAGES, parseJsonObject, success } from "./envelope";
import { statusData } from "./record";
import { redactSettings, settingsPatchSchema } from "./settings";
import type { SplashPayStatus } from "./types";

// Sandbox-only routes (§10.3): never under /api/v1, so the client cannot come to rely on them.

const ACTIONS: Record<string, SplashPayStatus> = {
  process: "processing",
  success: "success",
  fail: "failed",
  cancel: "cancelled",
  expire: "expired",
};

export function controlTransition(
  ctx: SplashPayContext,
  apiKey: ApiKey,
  reference: string,
  action: string,
): Response {
  const to = ACTIONS[action];
  if (!to) return fail(ctx, 404, "NOT_FOUND", MESSAGES.NOT_FOUND);
  const p = findPayment(ctx, apiKey, reference);
  if (!p) return fail(ctx, 404, "PAYMENT_NOT_FOUND", MESSAGES.PAYMENT_NOT_FOUND);
  if (!ctx.engine.transition(p, to)) {
    return fail(ctx, 409, "INVALID_TRANSITION", `A ${p.status} payment cannot become ${to}.`);
  }
  return success("PAYMENT_UPDATED", "Payment updated", statusData(p));
}

export function getSettings(ctx: SplashPayContext): Response {
  return success("SETTINGS", "Settings retrieved", redactSettings(ctx.settings()));
}

export async function putSettings(ctx: SplashPayContext, request: Request): Promise<Response> {
  const parsed = settingsPatchSchema.safeParse(parseJsonObject(await request.text()));
  if (!parsed.success) {
    // The sandbox's own route, so it may say which setting is wrong.
    return json(400, {
      status: "error",
      code: "INVALID_REQUEST",
      message: MESSAGES.INVALID_REQUEST,
      details: settingsIssues(parsed.error),
    });
  }
  return success("SETTINGS", "Settings updated", redactSettings(ctx.updateSettings(parsed.data)));
}

export function getDeliveries(ctx: SplashPayContext, request: Request): Response {
  const reference = new URL(request.url).searchParams.get("reference");
  const rows = ctx.dispatcher
    .log()
    .filter((e) => !reference || e.transaction_id === reference)
    .map(({ transaction_id, ...rest }) => ({ reference: transaction_id, ...rest }));
  return success("DELIVERIES", "Deliveries retrieved", rows);
}

export function clearDeliveries(ctx: SplashPayContext): Response {
  ctx.dispatcher.clearLog();
  return success("DELIVERIES", "Deliveries cleared", []);
}
