import { z } from "zod";

// Days as a Tanzanian shop counts them: calendar days in Africa/Dar_es_Salaam (EAT, UTC+3 all year;
// Tanzania keeps no daylight saving), for the day report, its CSV and the history's date range.

export const DAY_TIME_ZONE = "Africa/Dar_es_Salaam";
export const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

/** YYYY-MM-DD of a day that exists (no 2026-02-30). */
export const isoDateSchema = z
  .string({ error: "Give the day as YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the day as YYYY-MM-DD.")
  .refine((value) => {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    const at = new Date(Date.UTC(y, m - 1, d));
    return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d && y >= 2000;
  }, "That day does not exist.");

/** The instants a day in Dar es Salaam starts and ends at. */
export function eatDayRange(date: string): { from: Date; to: Date } {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const from = new Date(Date.UTC(y, m - 1, d) - EAT_OFFSET_MS);
  return { from, to: new Date(from.getTime() + 24 * 60 * 60 * 1000) };
}

/** Today's date in Dar es Salaam, YYYY-MM-DD. */
export function eatToday(now = new Date()): string {
  return new Date(now.getTime() + EAT_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026-12-01 09:07:44" in Dar es Salaam time: what a spreadsheet reads as a date and time. */
export function eatDateTime(at: Date): string {
  return new Date(at.getTime() + EAT_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}
