import "server-only";
import { z } from "zod";
import { AmountError, CURRENCIES, parseAmount, type Currency } from "@/lib/money";
import { amount } from "@/lib/payment-schema";
import type { StaffActor } from "@/lib/server/auth/sessions";
import { ApiError } from "@/lib/server/http/api-error";
import type { ShiftPerson } from "./shift-service";

// The bodies of POST /api/shifts and POST /api/shifts/:id/close. Money as decimal strings in major units,
// like every amount of the API; zero is a valid float and a valid count (an empty drawer).

export const openShiftSchema = z
  .object({
    opening_float: amount,
    currency: z.enum(CURRENCIES, { error: `Choose one of ${CURRENCIES.join(", ")}.` }).default("TZS"),
  })
  .transform((input, ctx) => {
    const minor = toMinor(input.opening_float, input.currency);
    if (typeof minor === "string") {
      ctx.addIssue({ code: "custom", path: ["opening_float"], message: minor });
      return z.NEVER;
    }
    return { currency: input.currency, openingFloatMinor: minor };
  });

export const closeShiftSchema = z.object({ counted_cash: amount });

function toMinor(value: string, currency: Currency): number | string {
  try {
    return parseAmount(value, currency);
  } catch (error) {
    return error instanceof AmountError ? error.message : "Enter a valid amount.";
  }
}

/** counted_cash in the shift's currency, or the field error. */
export function countedCashMinor(value: string, currency: Currency): number {
  const minor = toMinor(value, currency);
  if (typeof minor === "string") {
    throw new ApiError("VALIDATION_ERROR", minor, { fields: [{ path: "counted_cash", message: minor }] });
  }
  return minor;
}

export function shiftPerson(actor: StaffActor): ShiftPerson {
  return {
    staffId: actor.staff.id,
    staffName: actor.staff.name,
    registerId: actor.register.id,
    anyRegister: actor.staff.role !== "cashier",
  };
}
