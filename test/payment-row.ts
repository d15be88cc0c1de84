import type { payments } from "@/lib/server/db/schema";

// A pending PayGrid QR payment of TZS 5,000 as a row, for tests that drive the apply paths directly.
export function pendingPaymentRow(
  id: string,
  over: Partial<typeof payments.$inferInsert> = {},
): typeof payments.$inferInsert {
  return {
    id,
    provider: "paygrid",
    method: "dynamic-qr",
    status: "pending",
    amountMinor: 500_000,
    currency: "TZS",
    reference: `POS-${id}`,
    customer: { firstname: "A", lastname: "B", email: "a@example.com" },
    phone: "255712345678",
    idempotencyKey: `k-${id}`,
    ownerScope: "register:test",
    providerPaymentId: `prov_${id}`,
    expiresAt: new Date(Date.now() + 1_800_000),
    ...over,
  };
}
