import { describe, expect, it } from "vitest";
import { brandColorProblem, contrastRatio } from "./brand-color";

describe("brand colour contrast", () => {
  it("computes WCAG ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
  });

  it.each(["#0e7c66", "#2563eb", "#c2410c"])("accepts %s, readable on white and dark", (color) => {
    expect(brandColorProblem(color)).toBeNull();
  });

  it.each([
    ["#ffeb3b", "white"],
    ["#f0f0f0", "white"],
    ["#000000", "dark mode"],
    ["#1a237e", "dark mode"],
    ["teal", "#rrggbb"],
    ["#fff", "#rrggbb"],
  ])("refuses %s (%s)", (color, why) => {
    expect(brandColorProblem(color)).toContain(why);
  });
});
