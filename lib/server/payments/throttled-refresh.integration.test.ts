import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { payments, type PaymentRow } from "@/lib/server/db/schema";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { testStores } from "@/test/databases";
import { pendingPaymentRow } from "@/test/payment-row";
import { claimProviderAsk, throttledRefresh } from "./throttled-refresh";

// POST /refresh on a public checkout link: the provider is asked at most once per payment per 5 s,
// shared by every instance through the payment row; other calls answer the stored state.

describe.each(testStores())("refresh throttle on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  let asks = 0;
  const provider: PaymentProviderAdapter = {
    create: () => Promise.reject(new Error("not used")),
    fetchState: () => {
      asks += 1;
      return Promise.resolve({ providerPaymentId: "prov_throttle", status: "pending" });
    },
  };

  beforeAll(async () => {
    ({ database, drop } = await store.open());
  });
  afterAll(async () => drop());

  it("asks the provider once for 20 parallel refreshes, and again only after 5 seconds", async () => {
    const [payment] = (await database.db
      .insert(payments)
      .values(pendingPaymentRow("pay_throttle", { providerPaymentId: "prov_throttle" }))
      .returning()) as PaymentRow[];
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => throttledRefresh(database.db, provider, payment!)),
    );
    expect(asks).toBe(1);
    expect(answers.every((a) => a.status === "pending")).toBe(true);
    await throttledRefresh(database.db, provider, payment!);
    expect(asks).toBe(1);
    // Another instance 5 s later may ask again (the claim is the row's timestamp, not process memory).
    expect(await claimProviderAsk(database.db, payment!.id, new Date(Date.now() + 2_000))).toBe(false);
    expect(await claimProviderAsk(database.db, payment!.id, new Date(Date.now() + 5_100))).toBe(true);
  });
});
