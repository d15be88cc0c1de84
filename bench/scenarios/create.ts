import { randomUUID } from "node:crypto";
import { API_KEY, APP, DIRECT_CREATES, SANDBOX, STREAMS } from "../config";
import { request } from "../http";
import type { Servers } from "../servers";

// (d) create-payment time through our API vs directly against the sandbox. The payments created through
// Malipo are the ones the later scenarios stream and move.

export const sale = (i: number) =>
  JSON.stringify({
    provider: "paygrid",
    method: "dynamic-qr",
    amount: String(1000 + i),
    currency: "TZS",
    phone: "0712345678",
    customer: { firstname: "Bench", lastname: "Mark", email: "bench@example.com" },
  });

export interface Created {
  id: string;
  provider_payment_id: string;
  amount: string;
}

export async function measureCreate(servers: Servers) {
  const ours: number[] = [];
  const direct: number[] = [];
  const payments: Created[] = [];
  for (let i = 0; i < STREAMS; i++) {
    const t0 = performance.now();
    const res = await request("POST", `${APP}/api/payments`, sale(i), servers.appHeaders(randomUUID()));
    ours.push(performance.now() - t0);
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.body}`);
    payments.push(JSON.parse(res.body) as Created);
  }
  for (let i = 0; i < DIRECT_CREATES; i++) {
    const body = JSON.stringify({
      ...JSON.parse(sale(i)),
      type: "dynamic-qr",
      amount: 1000 + i,
      phone: "255712345678",
    });
    const t0 = performance.now();
    const res = await request("POST", `${SANDBOX}/api/v1/payments`, body, {
      "content-type": "application/json",
      authorization: `Bearer ${API_KEY}`,
      "idempotency-key": randomUUID(),
    });
    direct.push(performance.now() - t0);
    if (res.status !== 201) throw new Error(`direct create failed: ${res.status}`);
  }
  return { ours, direct, payments };
}

/** Fresh pending payments for the large stream count (several streams per payment). */
export async function createMore(servers: Servers, count: number): Promise<Created[]> {
  const more: Created[] = [];
  for (let i = 0; i < count; i++) {
    const res = await request("POST", `${APP}/api/payments`, sale(i), servers.appHeaders(randomUUID()));
    more.push(JSON.parse(res.body) as Created);
  }
  return more;
}
