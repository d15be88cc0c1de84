import { randomUUID } from "node:crypto";
import { findPayment, type AuthInfo, type SandboxContext } from "./context";
import { failure, notFound, success, validationError } from "./envelope";
import { TEST_TRANSACTION_ID, testEventBody } from "./notify";
import { toRecord } from "./record";
import { settingsIssues } from "../common/settings-schemas";
import { redactSettings, settingsPatchSchema } from "./settings";
import type { ActorType, SandboxStatus } from "./types";

// Sandbox-only routes (§17.3): never under /api/v1, so the client cannot come to rely on them.

const ACTIONS: Record<string, SandboxStatus> = {
  process: "processing",
  complete: "completed",
  fail: "failed",
  cancel: "cancelled",
  expire: "expired",
};

export function controlTransition(ctx: SandboxContext, auth: AuthInfo, id: string, action: string): Response {
  const to = ACTIONS[action];
  if (!to) return notFound();
  const p = findPayment(ctx, auth, id);
  if (!p) return notFound("Payment not found");
  const actor: ActorType = to === "expired" ? "system" : "psp";
  if (!ctx.engine.transition(p, to, actor)) {
    return failure(409, "INVALID_TRANSITION", `A ${p.status} payment cannot become ${to}`, {
      transaction_id: p.id,
      current_status: p.status,
      requested_status: to,
    });
  }
  return success(200, "Payment updated successfully", toRecord(p));
}

async function readOptionalJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return {};
  return JSON.parse(text);
}

export async function webhookTest(ctx: SandboxContext, request: Request): Promise<Response> {
  let body: unknown;
  try {
    body = await readOptionalJson(request);
  } catch {
    return validationError([{ field: "body", message: "must be a JSON object" }]);
  }
  const given = typeof body === "object" && body !== null ? Reflect.get(body, "webhook_url") : undefined;
  const url = typeof given === "string" && given !== "" ? given : ctx.store.merchant.webhookUrl;
  if (!url) {
    return validationError([
      { field: "webhook_url", message: "is required when the merchant has no default webhook_url" },
    ]);
  }
  const eventId = randomUUID();
  ctx.dispatcher.enqueue({
    kind: "webhook",
    url,
    body: testEventBody(eventId, ctx.now()),
    event: "webhook.test",
    eventId,
    transactionId: TEST_TRANSACTION_ID,
  });
  return success(200, "Test event queued", { event_id: eventId, url });
}

export function getSettings(ctx: SandboxContext): Response {
  return success(200, "Settings retrieved successfully", redactSettings(ctx.settings()));
}

export async function putSettings(ctx: SandboxContext, request: Request): Promise<Response> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return validationError([{ field: "body", message: "must be a JSON object" }]);
  }
  const parsed = settingsPatchSchema.safeParse(body);
  if (!parsed.success) {
    return validationError(settingsIssues(parsed.error));
  }
  return success(200, "Settings updated successfully", redactSettings(ctx.updateSettings(parsed.data)));
}

export function getDeliveries(ctx: SandboxContext, request: Request): Response {
  const url = new URL(request.url);
  const transactionId = url.searchParams.get("transaction_id");
  const eventId = url.searchParams.get("event_id");
  const rows = ctx.dispatcher
    .log()
    .filter(
      (e) => (!transactionId || e.transaction_id === transactionId) && (!eventId || e.event_id === eventId),
    );
  return success(200, "Deliveries retrieved successfully", rows);
}

export function clearDeliveries(ctx: SandboxContext): Response {
  ctx.dispatcher.clearLog();
  return success(200, "Deliveries cleared", []);
}
