import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { fiscalRegistrations, type FiscalRegistrationRow } from "@/lib/server/db/schema";
import { el, eatStamp, xmlField } from "./fiscal-format";
import { transportOf, type FiscalContext } from "./fiscal-context";
import { signedEnvelope } from "./signing-key";
import { postRegistration } from "./vfd-client";

// Registration happens once per device: at the first start with VFD settings, or from the back office. It
// stores everything TRA answers. Asking again later is harmless (TRA resends the same data) and refreshes
// the seller's details but never the counters.

export class FiscalRegistrationError extends Error {
  override name = "FiscalRegistrationError";
}

const REGISTRATION_CODES: Record<number, string> = {
  1: "invalid signature (wrong certificate or key)",
  3: "invalid TIN",
  4: "VFD registration approval required",
  5: "unhandled exception at TRA",
  6: "serial not registered to this TIN",
  7: "invalid client header",
  8: "wrong certificate used to register",
};

export async function findRegistration(
  db: Db,
  ctx: FiscalContext,
): Promise<FiscalRegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(fiscalRegistrations)
    .where(and(eq(fiscalRegistrations.tin, ctx.vfd.tin), eq(fiscalRegistrations.certKey, ctx.vfd.certKey)));
  return row;
}

/** Registers the device with TRA (or refreshes its details); throws naming the problem. */
export async function registerDevice(db: Db, ctx: FiscalContext): Promise<FiscalRegistrationRow> {
  const inner = `<REGDATA>${el("TIN", ctx.vfd.tin)}${el("CERTKEY", ctx.vfd.certKey)}</REGDATA>`;
  const answer = await postRegistration(transportOf(ctx), signedEnvelope(inner, ctx.key.privateKey));
  if (answer.kind !== "ack") {
    throw new FiscalRegistrationError(
      `TRA did not answer the registration (${answer.kind === "no-answer" ? answer.error : "unauthorized"})`,
    );
  }
  if (answer.ackCode !== 0) {
    const why = REGISTRATION_CODES[answer.ackCode] ?? answer.ackMsg;
    throw new FiscalRegistrationError(`TRA refused the registration: ACKCODE ${answer.ackCode}, ${why}`);
  }
  const text = answer.text;
  const field = (name: string) => xmlField(text, name) ?? "";
  if (field("TIN") !== ctx.vfd.tin) {
    throw new FiscalRegistrationError(
      "TRA answered for another TIN than VFD_TIN: check VFD_TIN and the certificate",
    );
  }
  const startGc = Number(field("GC")) || 1;
  const details = {
    regId: field("REGID"),
    serial: field("SERIAL") || ctx.vfd.certKey,
    uin: field("UIN"),
    vrn: field("VRN") || "NOT REGISTERED",
    name: field("NAME"),
    mobile: field("MOBILE"),
    address: field("ADDRESS"),
    street: field("STREET"),
    city: field("CITY"),
    country: field("COUNTRY"),
    region: field("REGION"),
    taxOffice: field("TAXOFFICE"),
    receiptCode: field("RECEIPTCODE"),
    routingKey: field("ROUTINGKEY") || "vfdrct",
    tokenPath: field("TOKENPATH") || "vfdtoken",
    username: field("USERNAME"),
    password: field("PASSWORD"),
    taxCodes: {
      A: field("CODEA") || "18",
      B: field("CODEB") || "0",
      C: field("CODEC") || "0",
      D: field("CODED") || "0",
      E: "0",
    },
    response: text,
    updatedAt: new Date(),
  };
  if (!details.regId || !details.receiptCode || !details.username) {
    throw new FiscalRegistrationError("TRA's registration answer lacks REGID, RECEIPTCODE or USERNAME");
  }
  await db
    .insert(fiscalRegistrations)
    .values({
      id: `vfd_${randomBytes(8).toString("hex")}`,
      tin: ctx.vfd.tin,
      certKey: ctx.vfd.certKey,
      ...details,
      startGc,
      nextGc: startGc,
      registeredOn: eatStamp(ctx.now()).date,
      createdAt: ctx.now(),
    })
    .onConflictDoUpdate({ target: [fiscalRegistrations.tin, fiscalRegistrations.certKey], set: details });
  const row = await findRegistration(db, ctx);
  if (!row) throw new FiscalRegistrationError("registration was not stored");
  return row;
}

/** The stored registration, registering first when there is none. */
export async function ensureRegistration(db: Db, ctx: FiscalContext): Promise<FiscalRegistrationRow> {
  return (await findRegistration(db, ctx)) ?? (await registerDevice(db, ctx));
}
