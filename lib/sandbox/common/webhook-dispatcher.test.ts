import { describe, expect, it } from "vitest";
import { WebhookDispatcher, type WebhookFaults } from "./webhook-dispatcher";

// The delay fault applies to a share of deliveries (the reliability suite delays 10 %), or to all of them.

function dispatcher(faults: WebhookFaults, random: () => number) {
  const sent: string[] = [];
  const d = new WebhookDispatcher({
    fetch: (async (_url: string, init: RequestInit) => {
      sent.push(String(init.body));
      return new Response("ok");
    }) as unknown as typeof fetch,
    now: () => Date.now(),
    settings: () => ({ webhookTimeoutSeconds: 5, webhookRetryDelaysSeconds: [], webhookFaults: faults }),
    headers: () => ({}),
    random,
  });
  return { d, sent };
}

const job = (body: string) => ({
  kind: "webhook",
  url: "http://127.0.0.1:1/hook",
  body,
  event: "payment.completed",
  eventId: body,
  transactionId: "t",
});

describe("webhook dispatcher delay share", () => {
  it("holds back only the deliveries the share picks", async () => {
    const draws = [0.05, 0.95];
    const { d, sent } = dispatcher({ drop: 0, duplicate: 0, reorder: 0, delaySeconds: 60, delay: 0.1 }, () =>
      draws.length ? draws.shift()! : 0.5,
    );
    d.enqueue(job("held")); // 0.05 < 0.1: delayed
    d.enqueue(job("sent")); // 0.95: goes now
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual(["sent"]);
    d.close();
  });

  it("delays every delivery when no share is given", async () => {
    const { d, sent } = dispatcher({ drop: 0, duplicate: 0, reorder: 0, delaySeconds: 60 }, () => 0.99);
    d.enqueue(job("held"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual([]);
    d.close();
  });
});
