import type { AuthInfo, SandboxContext } from "./context";
import { success, validationError, type FieldIssue, parseJsonObject } from "./envelope";
import { toJsonAmount } from "../common/amount";

// /merchants/me and its balance (§14, S33). The balance is computed from the sandbox's own payments.

function profile(ctx: SandboxContext): Record<string, unknown> {
  const m = ctx.store.merchant;
  return {
    id: m.id,
    name: ctx.settings().qrMerchant.name,
    webhook_url: m.webhookUrl,
    callback_url: m.callbackUrl,
  };
}

export function getMerchant(ctx: SandboxContext): Response {
  return success(200, "Merchant retrieved successfully", profile(ctx));
}

/** Stores the URLs as given: an invalid default is dead-lettered at delivery, as §10.1 says. */
export async function updateMerchant(ctx: SandboxContext, request: Request): Promise<Response> {
  const input = parseJsonObject(await request.text());
  if (input instanceof Response) return input;
  const issues: FieldIssue[] = [];
  const next = { ...ctx.store.merchant };
  for (const [field, prop] of [
    ["webhook_url", "webhookUrl"],
    ["callback_url", "callbackUrl"],
  ] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null || value === "") next[prop] = null;
    else if (typeof value === "string") next[prop] = value;
    else issues.push({ field, message: "must be a string or null" });
  }
  if (issues.length > 0) return validationError(issues);
  ctx.store.merchant = next;
  ctx.store.changed();
  return success(200, "Merchant updated successfully", profile(ctx));
}

interface Totals {
  collected: number;
  fees: number;
  refunded: number;
}

export function getBalance(ctx: SandboxContext, auth: AuthInfo): Response {
  const all: Totals = { collected: 0, fees: 0, refunded: 0 };
  const month: Totals = { collected: 0, fees: 0, refunded: 0 };
  const monthStart = new Date(ctx.now());
  monthStart.setUTCDate(1);
  monthStart.setUTCHours(0, 0, 0, 0);
  for (const p of ctx.store.payments.values()) {
    if (p.mode !== auth.mode || p.currency !== "TZS" || p.completedAt === undefined) continue;
    for (const t of p.completedAt >= monthStart.getTime() ? [all, month] : [all]) {
      t.collected += p.amount;
      t.fees += p.margin;
      t.refunded += p.refunded;
    }
  }
  const net = (t: Totals) => t.collected - t.fees - t.refunded;
  return success(200, "Balance retrieved successfully", {
    balance: toJsonAmount(net(all)),
    currency: "TZS",
    balance_details: {
      gross_received: toJsonAmount(all.collected),
      total_fees_deducted: toJsonAmount(all.fees),
      total_withdrawn: 0,
      total_refunded: toJsonAmount(all.refunded),
      net_balance: toJsonAmount(net(all)),
    },
    period_summary: {
      this_month: {
        collected: toJsonAmount(month.collected),
        fees: toJsonAmount(month.fees),
        withdrawn: 0,
        refunded: toJsonAmount(month.refunded),
        net: toJsonAmount(net(month)),
      },
    },
  });
}
