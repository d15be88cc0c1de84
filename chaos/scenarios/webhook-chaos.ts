import { randomUUID } from "node:crypto";
import { sleep } from "../../bench/measure";
import { SIZES } from "../config";
import {
  createPayment,
  createViaCheckout,
  pool,
  providerAction,
  providerTruth,
  readPayment,
  SALES,
  saleBody,
  sandboxSettings,
  type PaymentJson,
} from "../clients";
import type { HookReceiver } from "../hook-receiver";
import type { Servers } from "../servers";

// Scenario 1: payments over both providers and every method (a fifth through checkout sessions, so
// merchant webhooks go out), moved at the provider while its webhooks are dropped (30 %), duplicated
// (30 %), reordered (20 %) and delayed past the reconciler's first check (10 %). Our status must end equal
// to the provider's for every payment, with no merchant webhook sent twice.

type Plan = "complete" | "fail" | "cancel" | "leave";

function planFor(i: number): Plan {
  const r = (i * 7919) % 100;
  if (r < 60) return "complete";
  if (r < 75) return "fail";
  if (r < 85) return "cancel";
  return "leave";
}

export async function webhookChaos(servers: Servers, hooks: HookReceiver) {
  const cookie = servers.app.cookie();
  await sandboxSettings({
    webhookFaults: {
      drop: 0.3,
      duplicate: 0.3,
      reorder: 0.2,
      delay: 0.1,
      delaySeconds: SIZES.delayedWebhookSeconds,
    },
  });
  const t0 = performance.now();
  let createErrors = 0;
  const payments = (
    await pool(
      Array.from({ length: SIZES.webhookPayments }, (_, i) => i),
      8,
      async (i) => {
        const sale = SALES[i % SALES.length]!;
        const answer =
          i % 5 === 4
            ? await createViaCheckout(sale, i)
            : await createPayment(cookie, saleBody(sale, i), randomUUID());
        if (answer.status !== 201) {
          createErrors += 1;
          return undefined;
        }
        const p = JSON.parse(answer.body) as PaymentJson;
        const plan = planFor(i);
        if (plan === "complete" || plan === "fail") await providerAction(p, "process");
        if (plan !== "leave") await providerAction(p, plan);
        return p;
      },
    )
  ).filter((p): p is PaymentJson => p !== undefined);

  // Converged when every payment reads as the provider's truth.
  const truth = new Map<string, string | undefined>();
  for (const p of payments) truth.set(p.id, await providerTruth(p));
  let open = new Set(payments.map((p) => p.id));
  let lastConvergedMs = 0;
  const deadline = performance.now() + SIZES.convergeTimeoutMs;
  while (open.size > 0 && performance.now() < deadline) {
    const still = new Set<string>();
    await pool([...open], 16, async (id) => {
      const ours = await readPayment(cookie, id);
      if (ours?.status === truth.get(id)) lastConvergedMs = performance.now() - t0;
      else still.add(id);
    });
    open = still;
    if (open.size > 0) await sleep(1000);
  }
  await sandboxSettings({ webhookFaults: { drop: 0, duplicate: 0, reorder: 0, delay: 1, delaySeconds: 0 } });
  // Give the merchant-webhook outbox time to deliver the last outcomes before counting.
  await sleep(4000); // the outbox worker runs every second
  let duplicates = 0;
  for (const ids of hooks.byNotice.values()) duplicates += ids.size - 1;
  const sessions = payments.filter((p) => p.checkout_session_id).length;
  const mismatched = [...open].map((id) => `${id}: ours ≠ provider ${truth.get(id)}`);
  return {
    payments: payments.length,
    createErrors,
    converged: payments.length - open.size,
    convergedShare: payments.length ? (payments.length - open.size) / payments.length : 0,
    mismatched: mismatched.slice(0, 10),
    lastConvergedSeconds: lastConvergedMs / 1000,
    checkoutSessions: sessions,
    merchantWebhooks: hooks.deliveries(),
    merchantNotices: hooks.byNotice.size,
    duplicateMerchantWebhooks: duplicates,
  };
}
