import { describe, expect, it } from "vitest";
import { countdownMark, remainingFraction } from "./countdown-marks";

describe("countdown announcements", () => {
  it("says nothing in the first five minutes of a 30-minute window", () => {
    expect(countdownMark(1800)).toBeNull();
    expect(countdownMark(1501)).toBeNull();
  });

  it("speaks every five minutes, then every minute in the last five", () => {
    expect(countdownMark(1500)).toEqual({ unit: "minutes", value: 25 });
    expect(countdownMark(1499.2)).toEqual({ unit: "minutes", value: 25 });
    expect(countdownMark(1201)).toEqual({ unit: "minutes", value: 25 });
    expect(countdownMark(1200)).toEqual({ unit: "minutes", value: 20 });
    expect(countdownMark(301)).toEqual({ unit: "minutes", value: 10 });
    expect(countdownMark(300)).toEqual({ unit: "minutes", value: 5 });
    expect(countdownMark(239)).toEqual({ unit: "minutes", value: 4 });
    expect(countdownMark(60)).toEqual({ unit: "minutes", value: 1 });
  });

  it("counts the last minute in seconds, and nothing once time is up", () => {
    expect(countdownMark(59)).toEqual({ unit: "minutes", value: 1 });
    expect(countdownMark(29)).toEqual({ unit: "seconds", value: 30 });
    expect(countdownMark(30)).toEqual({ unit: "seconds", value: 30 });
    expect(countdownMark(11)).toEqual({ unit: "seconds", value: 30 });
    expect(countdownMark(10)).toEqual({ unit: "seconds", value: 10 });
    expect(countdownMark(0.4)).toEqual({ unit: "seconds", value: 10 });
    expect(countdownMark(0)).toBeNull();
    expect(countdownMark(-5)).toBeNull();
    expect(countdownMark(Number.NaN)).toBeNull();
  });
});

describe("the draining ring", () => {
  it("is the share of the window left, clamped to 0..1", () => {
    expect(remainingFraction(900_000, 1_800_000)).toBe(0.5);
    expect(remainingFraction(2_000_000, 1_800_000)).toBe(1);
    expect(remainingFraction(-1, 1_800_000)).toBe(0);
    expect(remainingFraction(5_000, 0)).toBe(1);
    expect(remainingFraction(0, Number.NaN)).toBe(0);
  });
});
