import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { payments, registers } from "@/lib/server/db/schema";
import { resetEnvForTests } from "@/lib/server/env";
import {
  createCustomerDisplay,
  listCustomerDisplays,
  resolveCustomerDisplay,
  revokeCustomerDisplay,
} from "@/lib/server/auth/customer-displays";
import { applyProviderEvent } from "@/lib/server/payments/apply-provider-event";
import { testStores } from "@/test/databases";
import { pendingPaymentRow } from "@/test/payment-row";
import { displayEventStream } from "./display-stream";
import { createListenHub, type ListenHub } from "./listen-hub";

// A customer display follows its register's newest payment over SSE: the welcome screen, the sale with its
// QR, the outcome; never another register's sale; and it ends with `revoked` once disconnected.

interface Frame {
  event?: string;
  data?: { sale: { status: string; amount: string; qr_code: string | null } | null } & Record<
    string,
    unknown
  >;
}

function reader(stream: ReadableStream<Uint8Array>) {
  const r = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    /** The next event frame (comments and the retry hint are skipped), or null once the stream ended. */
    async next(timeoutMs = 5_000): Promise<Frame | null> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: Frame = {};
          for (const line of block.split("\n")) {
            if (line.startsWith("event: ")) frame.event = line.slice(7);
            else if (line.startsWith("data: ")) frame.data = JSON.parse(line.slice(6)) as Frame["data"];
          }
          if (frame.event) return frame;
          continue;
        }
        const chunk = await Promise.race([
          r.read(),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error("no frame in time")), Math.max(1, deadline - Date.now())),
          ),
        ]);
        if (chunk.done) return null;
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => r.cancel(),
  };
}

describe.each(testStores())("the customer display's stream on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  let hub: ListenHub;
  beforeAll(async () => {
    resetEnvForTests({ SESSION_SECRET: "display-test-secret-display-test-secret" });
    ({ database, drop } = await store.open());
    hub = createListenHub(database);
    await database.db.insert(registers).values([
      { id: "reg_front", name: "Front", pairedAt: new Date() },
      { id: "reg_back", name: "Back", pairedAt: new Date() },
    ]);
  });
  afterAll(async () => {
    await hub.stop();
    await drop();
    resetEnvForTests();
  });

  it("keeps only a hash of a 256-bit token, and resolves it until revoked", async () => {
    const { display, url } = await createCustomerDisplay(database.db, {
      registerId: "reg_front",
      registerName: "Front",
      staffId: "stf_x",
    });
    const token = url.split("/display/")[1]!;
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(display.display.tokenHash).not.toContain(token);
    expect((await resolveCustomerDisplay(database.db, token))?.id).toBe(display.display.id);
    // A cashier of another register cannot disconnect it: "not found".
    await expect(revokeCustomerDisplay(database.db, display.display.id, "reg_back")).rejects.toThrow(
      /No such customer display/,
    );
    await revokeCustomerDisplay(database.db, display.display.id, "reg_front");
    expect(await resolveCustomerDisplay(database.db, token)).toBeNull();
    expect((await listCustomerDisplays(database.db)).map((d) => d.display.id)).not.toContain(
      display.display.id,
    );
  });

  it("shows welcome, then this register's sale live, then paid; then ends when revoked", async () => {
    const { display } = await createCustomerDisplay(database.db, {
      registerId: "reg_front",
      registerName: "Front",
      staffId: "stf_x",
    });
    const stream = reader(displayEventStream(database.db, hub, display.display));
    expect((await stream.next())?.data?.sale).toBeNull();

    // Another register's sale changes nothing here.
    await database.db.insert(payments).values(pendingPaymentRow("pay_back_1", { registerId: "reg_back" }));
    await applyProviderEvent(database.db, {
      paymentId: "pay_back_1",
      status: "processing",
      source: "webhook",
    });

    await database.db
      .insert(payments)
      .values(
        pendingPaymentRow("pay_front_1", { registerId: "reg_front", status: "creating", qrCode: "000201QR" }),
      );
    await applyProviderEvent(database.db, { paymentId: "pay_front_1", status: "pending", source: "api" });
    // On PostgreSQL a wake can arrive between the insert and the pending event: skip a "creating" frame.
    let sale = await stream.next();
    if (sale?.data?.sale?.status === "creating") sale = await stream.next();
    expect(sale?.event).toBe("state");
    expect(sale?.data?.sale).toMatchObject({ status: "pending", amount: "5000", qr_code: "000201QR" });
    expect(JSON.stringify(sale?.data)).not.toMatch(/255712345678|a@example\.com|reg_front|pay_front_1/);

    await applyProviderEvent(database.db, {
      paymentId: "pay_front_1",
      status: "completed",
      source: "webhook",
      money: { amount: "5000", currency: "TZS" },
    });
    expect((await stream.next())?.data?.sale?.status).toBe("completed");

    await revokeCustomerDisplay(database.db, display.display.id, undefined);
    // The next wake (any payment's) finds it revoked.
    await applyProviderEvent(database.db, { paymentId: "pay_back_1", status: "failed", source: "webhook" });
    expect((await stream.next())?.event).toBe("revoked");
    expect(await stream.next()).toBeNull();
    expect(hub.subscriberCount()).toBe(0);
    const [row] = await database.db.select().from(payments).where(eq(payments.id, "pay_front_1"));
    expect(row?.status).toBe("completed");
  });
});
