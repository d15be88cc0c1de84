import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { authSessions, registers, staff } from "@/lib/server/db/schema";
import * as meRoute from "@/app/api/me/route";
import * as pairRoute from "@/app/api/registers/pair/route";
import * as registerRoute from "@/app/api/registers/[id]/route";
import * as registersRoute from "@/app/api/registers/route";
import * as sessionRoute from "@/app/api/session/route";
import * as sessionsRoute from "@/app/api/sessions/route";
import * as sessionByIdRoute from "@/app/api/sessions/[id]/route";
import * as staffByIdRoute from "@/app/api/staff/[id]/route";
import * as staffRoute from "@/app/api/staff/route";
import { AppClient } from "@/test/app-client";
import { testStores } from "@/test/databases";
import { addStaff, openShop, OWNER, ownerClient, pairedDevice, signInWithPin } from "@/test/shop";

const me = (client: AppClient) => client.call(meRoute.GET, "GET", "/api/me");

describe.each(testStores())("staff accounts, registers and sessions on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  let cleanup: () => void;
  let demoPin: string;
  let owner: AppClient;

  beforeAll(async () => {
    ({ database, drop } = await store.open());
    ({ demoPin, cleanup } = await openShop(database));
    owner = await ownerClient();
  }, 180_000);
  afterAll(async () => {
    await drop();
    cleanup?.();
  });

  it("stores only slow salted hashes of passwords and PINs", async () => {
    const rows = await database.db.select().from(staff);
    expect(rows.map((r) => r.role).sort()).toEqual(["cashier", "owner"]);
    for (const row of rows) {
      for (const hash of [row.passwordHash, row.pinHash].filter(Boolean)) {
        expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
        expect(hash).not.toContain(OWNER.password);
        expect(hash).not.toContain(demoPin);
      }
    }
  });

  it("signs the owner in with a password, pairing the unpaired device; /api/me says who and where", async () => {
    const response = await me(owner);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      staff: { role: string; name: string };
      register: { id: string };
    };
    expect(body.staff).toMatchObject({ role: "owner", name: "Owner" });
    expect(body.register.id).toMatch(/^reg_/);
    expect(owner.cookies.has("malipo_register")).toBe(true);
    // Only the hash of the token is in the database.
    const token = owner.cookies.get("malipo_session")!;
    const rows = await database.db.select().from(authSessions);
    expect(rows.some((r) => r.tokenHash === token || r.id === token)).toBe(false);
  });

  it("refuses a wrong password with one generic message, and malformed bodies with field errors", async () => {
    const client = new AppClient("198.51.100.1");
    const wrong = await client.call(sessionRoute.POST, "POST", "/api/session", {
      body: { email: OWNER.email, password: "not-it-at-all" },
    });
    const unknown = await client.call(sessionRoute.POST, "POST", "/api/session", {
      body: { email: "nobody@duka.tz", password: "not-it-at-all" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const malformed = await client.call(sessionRoute.POST, "POST", "/api/session", {
      body: { staff_id: "x" },
    });
    expect(malformed.status).toBe(400);
    expect(
      ((await malformed.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path,
    ).toBe("pin");
    expect(client.cookies.size).toBe(0);
  });

  it("pairs a register with a one-time code: wrong, reused and expired codes are refused", async () => {
    const created = await owner.call(registersRoute.POST, "POST", "/api/registers", {
      body: { name: "Till A" },
    });
    expect(created.status).toBe(201);
    const register = (await created.json()) as {
      id: string;
      pairing_code: string;
      pairing_expires_at: string;
      pairing_url: string;
    };
    expect(register.pairing_code).toMatch(/^[A-Z2-9]{10}$/);
    expect(register.pairing_url).toContain(`/sign-in?pair=${register.pairing_code}`);
    const minutes = (Date.parse(register.pairing_expires_at) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    const device = new AppClient("198.51.100.2");
    const wrong = await device.call(pairRoute.POST, "POST", "/api/registers/pair", {
      body: { code: "ABCDEFGHJK" },
    });
    expect(wrong.status).toBe(401);
    expect(device.cookies.size).toBe(0);
    const typed = register.pairing_code.toLowerCase().replace(/(.{5})/, "$1-");
    const ok = await device.call(pairRoute.POST, "POST", "/api/registers/pair", { body: { code: typed } });
    expect(ok.status).toBe(201);
    expect(device.cookies.has("malipo_register")).toBe(true);
    const reused = await new AppClient("198.51.100.3").call(pairRoute.POST, "POST", "/api/registers/pair", {
      body: { code: register.pairing_code },
    });
    expect(reused.status).toBe(401);

    const late = (await (
      await owner.call(registersRoute.POST, "POST", "/api/registers", { body: { name: "Till B" } })
    ).json()) as { id: string; pairing_code: string };
    await database.db
      .update(registers)
      .set({ pairingExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(registers.id, late.id));
    const expired = await new AppClient("198.51.100.4").call(pairRoute.POST, "POST", "/api/registers/pair", {
      body: { code: late.pairing_code },
    });
    expect(expired.status).toBe(401);
  });

  it("signs a cashier in with a PIN on a paired register only", async () => {
    const [cashier] = await database.db.select().from(staff).where(eq(staff.role, "cashier"));
    const unpaired = new AppClient("198.51.100.5");
    const refused = await signInWithPin(unpaired, cashier!.id, demoPin);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/pairing code/);

    const { device, registerId } = await pairedDevice(owner);
    const wrongPin = demoPin === "0000" ? "1111" : "0000";
    expect((await signInWithPin(device, cashier!.id, wrongPin)).status).toBe(401);
    const ok = await signInWithPin(device, cashier!.id, demoPin);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      staff: { id: cashier!.id, role: "cashier" },
      register: { id: registerId },
    });
    expect((await me(device)).status).toBe(200);
  });

  it("refuses the cookie swap: a register cookie is never a session, nor a session a register", async () => {
    const { device } = await pairedDevice(owner);
    const registerToken = device.cookies.get("malipo_register")!;
    const swapped = new AppClient("198.51.100.6");
    swapped.cookies.set("malipo_session", registerToken);
    expect((await me(swapped)).status).toBe(401);

    const sessionToken = owner.cookies.get("malipo_session")!;
    const reverse = new AppClient("198.51.100.7");
    reverse.cookies.set("malipo_register", sessionToken);
    const [cashier] = await database.db.select().from(staff).where(eq(staff.role, "cashier"));
    expect((await signInWithPin(reverse, cashier!.id, demoPin)).status).toBe(403);
  });

  it("revokes rows: sign-out, a new PIN, disabling someone and revoking the register", async () => {
    const pin = "4821";
    const id = await addStaff(owner, { name: "Juma", role: "cashier", pin });
    const { device, registerId } = await pairedDevice(owner);

    // Sign-out: the old cookie is dead even if someone kept a copy.
    expect((await signInWithPin(device, id, pin)).status).toBe(201);
    const copy = new AppClient();
    copy.cookies.set("malipo_session", device.cookies.get("malipo_session")!);
    expect((await device.call(sessionRoute.DELETE, "DELETE", "/api/session")).status).toBe(204);
    expect((await me(copy)).status).toBe(401);

    // A new PIN ends the session; the old PIN no longer works.
    expect((await signInWithPin(device, id, pin)).status).toBe(201);
    const patched = await owner.call(staffByIdRoute.PATCH, "PATCH", `/api/staff/${id}`, {
      params: { id },
      body: { pin: "97531" },
    });
    expect(patched.status).toBe(200);
    expect((await me(device)).status).toBe(401);
    expect((await signInWithPin(device, id, pin)).status).toBe(401);

    // The back office sees and ends an open session.
    expect((await signInWithPin(device, id, "97531")).status).toBe(201);
    const open = (await (await owner.call(sessionsRoute.GET, "GET", "/api/sessions")).json()) as {
      data: { id: string; staff: { id: string } }[];
    };
    const juma = open.data.find((s) => s.staff.id === id)!;
    const ended = await owner.call(sessionByIdRoute.DELETE, "DELETE", `/api/sessions/${juma.id}`, {
      params: { id: juma.id },
    });
    expect(ended.status).toBe(204);
    expect((await me(device)).status).toBe(401);

    // Disabled: signed out and cannot sign in.
    expect((await signInWithPin(device, id, "97531")).status).toBe(201);
    await owner.call(staffByIdRoute.PATCH, "PATCH", `/api/staff/${id}`, {
      params: { id },
      body: { active: false },
    });
    expect((await me(device)).status).toBe(401);
    expect((await signInWithPin(device, id, "97531")).status).toBe(401);
    await owner.call(staffByIdRoute.PATCH, "PATCH", `/api/staff/${id}`, {
      params: { id },
      body: { active: true },
    });

    // Register revoked: its sessions and its pairing end at once.
    expect((await signInWithPin(device, id, "97531")).status).toBe(201);
    const revoked = await owner.call(registerRoute.DELETE, "DELETE", `/api/registers/${registerId}`, {
      params: { id: registerId },
    });
    expect(revoked.status).toBe(200);
    expect((await me(device)).status).toBe(401);
    expect((await signInWithPin(device, id, "97531")).status).toBe(403);
  });

  it("lets a manager manage cashiers but not managers, and nobody change the owner here", async () => {
    const managerId = await addStaff(owner, {
      name: "Neema",
      role: "manager",
      pin: "2468",
      email: "neema@duka.tz",
      password: "manager-password-1",
    });
    const manager = new AppClient("198.51.100.8");
    const signedIn = await manager.call(sessionRoute.POST, "POST", "/api/session", {
      body: { email: "NEEMA@duka.tz", password: "manager-password-1" },
    });
    expect(signedIn.status).toBe(201);
    const cashierId = await addStaff(manager, { name: "Baraka", role: "cashier", pin: "1357" });
    const promote = await manager.call(staffByIdRoute.PATCH, "PATCH", `/api/staff/${cashierId}`, {
      params: { id: cashierId },
      body: { role: "manager" },
    });
    expect(promote.status).toBe(403);
    const another = await manager.call(staffRoute.POST, "POST", "/api/staff", {
      body: { name: "X", role: "manager", pin: "1234" },
    });
    expect(another.status).toBe(403);
    const [ownerRow] = await database.db.select().from(staff).where(eq(staff.role, "owner"));
    const touchOwner = await owner.call(staffByIdRoute.PATCH, "PATCH", `/api/staff/${ownerRow!.id}`, {
      params: { id: ownerRow!.id },
      body: { active: false },
    });
    expect(touchOwner.status).toBe(403);
    const bad = await owner.call(staffRoute.POST, "POST", "/api/staff", {
      body: { name: "", role: "boss", pin: "12" },
    });
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { error: { fields: { path: string }[] } }).error.fields.map(
      (f) => f.path,
    );
    expect(paths).toEqual(expect.arrayContaining(["name", "role", "pin"]));
    expect(managerId).toMatch(/^stf_/);
  });
});
