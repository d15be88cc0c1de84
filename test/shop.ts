import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "@/lib/server/db/client";
import { getEnv, resetEnvForTests } from "@/lib/server/env";
import { bootstrapAccounts } from "@/lib/server/staff/bootstrap-accounts";
import * as sessionRoute from "@/app/api/session/route";
import * as pairRoute from "@/app/api/registers/pair/route";
import * as registersRoute from "@/app/api/registers/route";
import * as staffRoute from "@/app/api/staff/route";
import { AppClient, serveFrom } from "./app-client";

// A shop as the staff tests need it: the owner from OWNER_EMAIL/OWNER_PASSWORD, the sandbox's demo
// cashier, and helpers that pair devices and sign people in through the real routes.

export const OWNER = { email: "mwenye@duka.tz", password: "owner-password-123" };
export const SESSION_SECRET = "test-session-secret-that-is-long-enough";

export async function openShop(database: Database, extraEnv: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-shop-"));
  resetEnvForTests({
    DATA_DIR: dataDir,
    SANDBOX: "1",
    OWNER_EMAIL: OWNER.email,
    OWNER_PASSWORD: OWNER.password,
    SESSION_SECRET,
    MERCHANT_API_KEY: "mk_test_matrix_merchant_key",
    ...extraEnv,
  });
  serveFrom(database);
  await bootstrapAccounts(database.db, getEnv());
  return {
    demoPin: getEnv().demo!.cashierPin,
    cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** The owner signed in with a password on a fresh device (which that pairs as a register). */
export async function ownerClient(address = "203.0.113.1"): Promise<AppClient> {
  const owner = new AppClient(address);
  const response = await owner.call(sessionRoute.POST, "POST", "/api/session", { body: OWNER });
  if (response.status !== 201) throw new Error(`owner sign-in: ${response.status} ${await response.text()}`);
  return owner;
}

/** A new register made by `manager` and a device paired to it with the code. */
export async function pairedDevice(manager: AppClient, name = "Till 1", address = "203.0.113.20") {
  const created = await manager.call(registersRoute.POST, "POST", "/api/registers", { body: { name } });
  const register = (await created.json()) as { id: string; pairing_code: string };
  const device = new AppClient(address);
  const paired = await device.call(pairRoute.POST, "POST", "/api/registers/pair", {
    body: { code: register.pairing_code },
  });
  if (paired.status !== 201) throw new Error(`pairing: ${paired.status}`);
  return { device, registerId: register.id };
}

export async function addStaff(manager: AppClient, body: Record<string, unknown>): Promise<string> {
  const response = await manager.call(staffRoute.POST, "POST", "/api/staff", { body });
  if (response.status !== 201) throw new Error(`add staff: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

export async function signInWithPin(device: AppClient, staffId: string, pin: string): Promise<Response> {
  return device.call(sessionRoute.POST, "POST", "/api/session", { body: { staff_id: staffId, pin } });
}
