import { randomUUID } from "node:crypto";
import { request as send } from "../bench/http";
import { APP, HOOKS, MERCHANT_KEY, SANDBOX } from "./config";

// What the scenarios do as the register, the merchant's backend and the provider's customer: ring up sales
// over every provider and method, read payments back, and move payments at the sandbox.

/** A request that has not answered by then counts as no answer (status 0), so a hang shows in the figures. */
const NO_ANSWER_MS = 30_000;

/**
 * The bench's request, tried again when the connection itself fails (a reused keep-alive socket reset by a
 * loaded server). Every call here is safe to repeat: creates carry their Idempotency-Key, the rest are reads
 * or sandbox moves that answer 409 when already made.
 */
async function request(
  method: string,
  url: string,
  body?: string,
  headers: Record<string, string> = {},
): ReturnType<typeof send> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(method, url, body, headers, NO_ANSWER_MS);
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export interface Sale {
  provider: "paygrid" | "splashpay";
  method: "dynamic-qr" | "mobile" | "card" | "tanqr";
}

export const SALES: Sale[] = [
  { provider: "paygrid", method: "dynamic-qr" },
  { provider: "paygrid", method: "mobile" },
  { provider: "paygrid", method: "card" },
  { provider: "splashpay", method: "tanqr" },
];

const CUSTOMER = {
  firstname: "Chaos",
  lastname: "Monkey",
  email: "chaos@example.com",
  address: "Bwawani, Mkonze",
  city: "Dodoma",
  state: "Dodoma",
  postcode: "67116",
  country: "TZ",
};

export function saleBody(sale: Sale, i: number): string {
  return JSON.stringify({
    provider: sale.provider,
    method: sale.method,
    amount: String(1000 + (i % 5000)),
    currency: "TZS",
    phone: sale.method === "tanqr" ? "0744123456" : "0712345678",
    customer: CUSTOMER,
  });
}

export interface PaymentJson {
  id: string;
  provider: string;
  method: string;
  status: string;
  reference: string;
  provider_payment_id: string | null;
  paid_after_expiry: boolean;
  checkout_session_id: string | null;
}

export interface Answer {
  status: number;
  body: string;
}

export async function createPayment(cookie: string, body: string, key: string): Promise<Answer> {
  try {
    return await request("POST", `${APP}/api/payments`, body, {
      "content-type": "application/json",
      cookie,
      "idempotency-key": key,
    });
  } catch {
    return { status: 0, body: "" };
  }
}

/** A checkout session from the merchant's backend, then the shopper's attempt on it. */
export async function createViaCheckout(sale: Sale, i: number): Promise<Answer & { sessionId?: string }> {
  const session = await request(
    "POST",
    `${APP}/api/checkout-sessions`,
    JSON.stringify({
      amount: String(1000 + (i % 5000)),
      currency: "TZS",
      reference: `CHAOS-${i}-${randomUUID().slice(0, 8)}`,
      success_url: `${APP}/done`,
      cancel_url: `${APP}/cancelled`,
      webhook_url: `${HOOKS}/merchant`,
    }),
    {
      "content-type": "application/json",
      authorization: `Bearer ${MERCHANT_KEY}`,
      "idempotency-key": randomUUID(),
    },
  );
  if (session.status !== 201) return session;
  const id = (JSON.parse(session.body) as { id: string }).id;
  const body = JSON.parse(saleBody(sale, i)) as Record<string, unknown>;
  delete body.amount;
  delete body.currency;
  const answer = await request("POST", `${APP}/api/checkout-sessions/${id}/payments`, JSON.stringify(body), {
    "content-type": "application/json",
    "idempotency-key": randomUUID(),
  });
  return { ...answer, sessionId: id };
}

export async function readPayment(cookie: string, id: string): Promise<PaymentJson | undefined> {
  try {
    const res = await request("GET", `${APP}/api/payments/${id}`, undefined, { cookie });
    return res.status === 200 ? (JSON.parse(res.body) as PaymentJson) : undefined;
  } catch {
    return undefined;
  }
}

const PAYGRID_AUTH = { authorization: "Bearer sk_test_malipo_sandbox", "content-type": "application/json" };
const SPLASH_AUTH = {
  "x-api-key": "pk_test_malipo_sandbox",
  "x-api-secret": "sk_test_malipo_sandbox",
  "content-type": "application/json",
};

/** Moves a payment at the provider as its customer or the provider would (sandbox control endpoints). */
export async function providerAction(p: PaymentJson, action: "process" | "complete" | "fail" | "cancel") {
  if (p.provider === "paygrid") {
    return request(
      "POST",
      `${SANDBOX}/control/payments/${p.provider_payment_id}/${action}`,
      "",
      PAYGRID_AUTH,
    );
  }
  const splash = action === "complete" ? "success" : action;
  return request("POST", `${SANDBOX}/splashpay/control/payments/${p.reference}/${splash}`, "", SPLASH_AUTH);
}

/** What the provider says the payment's status is, in our words. */
export async function providerTruth(p: PaymentJson): Promise<string | undefined> {
  if (p.provider === "paygrid") {
    const res = await request(
      "GET",
      `${SANDBOX}/api/v1/payments/${p.provider_payment_id}`,
      undefined,
      PAYGRID_AUTH,
    );
    if (res.status !== 200) return undefined;
    return (JSON.parse(res.body) as { data: { status: string } }).data.status;
  }
  const res = await request(
    "POST",
    `${SANDBOX}/splashpay/api/v1/payments/check-status`,
    JSON.stringify({ reference: p.reference }),
    SPLASH_AUTH,
  );
  if (res.status !== 200) return undefined;
  const status = (JSON.parse(res.body) as { data: { status: string } }).data.status;
  return status === "success" ? "completed" : status;
}

export async function sandboxSettings(patch: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify(patch);
  const a = await request("PUT", `${SANDBOX}/control/settings`, body, PAYGRID_AUTH);
  const b = await request("PUT", `${SANDBOX}/splashpay/control/settings`, body, SPLASH_AUTH);
  if (a.status !== 200 || b.status !== 200) throw new Error(`sandbox settings refused: ${a.body} ${b.body}`);
}

/** Runs `work` over items with at most `limit` at a time. */
export async function pool<T, R>(
  items: T[],
  limit: number,
  work: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!, i);
      }
    }),
  );
  return out;
}

/** PayGrid payments the sandbox holds, counted per reference (every page of its list). */
export async function payGridPaymentsPerReference(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let page = 1; ; page++) {
    const res = await request(
      "GET",
      `${SANDBOX}/api/v1/payments?per_page=100&page=${page}`,
      undefined,
      PAYGRID_AUTH,
    );
    const body = JSON.parse(res.body) as { data: { reference?: string }[]; meta?: { total_pages?: number } };
    for (const p of body.data) counts.set(p.reference ?? "", (counts.get(p.reference ?? "") ?? 0) + 1);
    if (body.data.length < 100) return counts;
  }
}
