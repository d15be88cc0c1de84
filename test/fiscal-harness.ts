import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "@/lib/server/db/client";
import { payments, checkoutSessions, type NewPaymentRow } from "@/lib/server/db/schema";
import type { VfdConfig } from "@/lib/server/env";
import type { FiscalContext } from "@/lib/server/fiscal/fiscal-context";
import { makeTestPfx } from "@/lib/server/fiscal/sandbox-certificate";
import { loadPfxFile, type SigningKey } from "@/lib/server/fiscal/signing-key";
import { startSandboxServer, type SandboxServer } from "@/lib/sandbox/node-server";
import type { TestStore } from "./databases";
import { pendingPaymentRow } from "./payment-row";

// The fiscal core against the TRA simulator over HTTP, with a clock the test moves (EAT midnights) and a
// device certificate made for the test run (never a real one).

export const TEST_TIN = "123456789";
export const TEST_CERT_KEY = "10TZ100001";

export interface FiscalHarness {
  database: Database;
  sandbox: SandboxServer;
  clock: { at: Date };
  ctx: FiscalContext;
  key: SigningKey;
  /** A second device key, for "signed with the wrong key". */
  otherKey(): SigningKey;
  close(): Promise<void>;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-vfd-"));

function testKey(name: string): SigningKey {
  const file = path.join(dir, `${name}.pfx`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, makeTestPfx("test-password", name));
  return loadPfxFile(file, "test-password");
}

export async function startFiscalHarness(store: TestStore, startAt: Date): Promise<FiscalHarness> {
  const { database, drop } = await store.open();
  const clock = { at: startAt };
  const key = testKey("device");
  const sandbox = await startSandboxServer({
    port: 0,
    tra: { now: () => clock.at.getTime(), settings: { hangMs: 8_000 } },
  });
  sandbox.tra.addDevice({ tin: TEST_TIN, certKey: TEST_CERT_KEY, certificatePem: key.certificatePem });
  const vfd: VfdConfig = {
    mode: "sandbox",
    baseUrl: `${sandbox.url}/tra`,
    verifyUrl: `${sandbox.url}/tra/verify`,
    tin: TEST_TIN,
    certKey: TEST_CERT_KEY,
    pfxPath: "",
    pfxPassword: "",
    generatedCertificate: false,
    vatRegistered: true,
    defaultTaxCode: 1,
  };
  const ctx: FiscalContext = { vfd, key, now: () => clock.at, timeoutMs: 3_000, backoffSeconds: () => 0 };
  return {
    database,
    sandbox,
    clock,
    ctx,
    key,
    otherKey: () => testKey("other"),
    async close() {
      await sandbox.close();
      await drop();
    },
  };
}

const METHODS = [
  { provider: "cash", method: "cash" },
  { provider: "paygrid", method: "card" },
  { provider: "paygrid", method: "mobile" },
  { provider: "paygrid", method: "dynamic-qr" },
  { provider: "splashpay", method: "tanqr" },
] as const;

/** `count` completed sales over every method and two registers, completed at `at` (+1 ms each). */
export async function completedSales(
  database: Database,
  from: number,
  count: number,
  at: Date,
  over: Partial<NewPaymentRow> = {},
): Promise<NewPaymentRow[]> {
  const rows = Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const method = METHODS[n % METHODS.length]!;
    return pendingPaymentRow(`pay_fiscal_${String(n).padStart(4, "0")}`, {
      ...method,
      status: "completed",
      amountMinor: 100_000 + n * 1_250, // TZS 1,000.00 + 12.50 per sale: cents exercise the rounding
      registerId: n % 2 === 0 ? "reg_a" : "reg_b",
      completedAt: new Date(at.getTime() + i),
      ...over,
    });
  });
  await database.db.insert(payments).values(rows);
  return rows;
}

/** A checkout sale with line items whose names need escaping. */
export async function checkoutSale(database: Database, id: string, at: Date): Promise<void> {
  await database.db.insert(checkoutSessions).values({
    id: `cs_${id}`,
    status: "completed",
    amountMinor: 354_000,
    currency: "TZS",
    reference: `ORDER-${id}`,
    lineItems: [
      { name: "Soda 500ml & <chips>", quantity: 2, unit_amount: "590" },
      { name: 'Mkate "wa" Asha\'s', quantity: 1, unit_amount: "2360" },
    ],
    successUrl: "https://shop.example/ok",
    cancelUrl: "https://shop.example/cancel",
    createdBy: "merchant",
    expiresAt: new Date(at.getTime() + 3_600_000),
  });
  await database.db.insert(payments).values(
    pendingPaymentRow(id, {
      status: "completed",
      amountMinor: 354_000,
      checkoutSessionId: `cs_${id}`,
      ownerScope: `checkout:cs_${id}`,
      completedAt: at,
    }),
  );
}
