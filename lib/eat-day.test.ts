import { describe, expect, it } from "vitest";
import { eatDateTime, eatDayRange, eatToday, isoDateSchema } from "./eat-day";

describe("Dar es Salaam days", () => {
  it("starts a day at 21:00 UTC the evening before", () => {
    expect(eatDayRange("2026-12-01")).toEqual({
      from: new Date("2026-11-30T21:00:00.000Z"),
      to: new Date("2026-12-01T21:00:00.000Z"),
    });
  });

  it("names today and a time as the counter's clock does", () => {
    expect(eatToday(new Date("2026-12-01T21:30:00Z"))).toBe("2026-12-02");
    expect(eatToday(new Date("2026-12-01T20:59:59Z"))).toBe("2026-12-01");
    expect(eatDateTime(new Date("2026-12-01T06:07:44.123Z"))).toBe("2026-12-01 09:07:44");
  });

  it("accepts only real days written YYYY-MM-DD", () => {
    expect(isoDateSchema.safeParse("2026-12-01").success).toBe(true);
    expect(isoDateSchema.safeParse("2024-02-29").success).toBe(true);
    for (const bad of [
      "2026-02-30",
      "2026-13-01",
      "2026-1-01",
      "01-12-2026",
      "2026-12-01T00:00",
      "",
      "1999-12-31",
    ]) {
      expect(isoDateSchema.safeParse(bad).success).toBe(false);
    }
  });
});
