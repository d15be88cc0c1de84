import { describe, expect, it } from "vitest";
import { folderCircles, folderImports, floorViolations, type FolderImport } from "./server-floors";

describe("lib/server floors", () => {
  const imports = folderImports(process.cwd());

  it("has no folder-level circle and no import that points sideways or up", () => {
    expect(imports.length).toBeGreaterThan(10);
    expect(folderCircles(imports)).toEqual([]);
    expect(floorViolations(imports)).toEqual([]);
  });

  it("keeps payments below checkout and realtime", () => {
    const fromPayments = imports.filter((i) => i.from === "payments").map((i) => i.to);
    expect(fromPayments).not.toContain("checkout");
    expect(fromPayments).not.toContain("realtime");
  });

  it("catches a circle, an upward import and a folder without a floor", () => {
    const bad: FolderImport[] = [
      { from: "payments", to: "checkout", file: "lib/server/payments/x.ts" },
      { from: "checkout", to: "payments", file: "lib/server/checkout/y.ts" },
      { from: "reports", to: "payments", file: "lib/server/reports/z.ts" },
    ];
    expect(folderCircles(bad)).toEqual(["payments -> checkout -> payments"]);
    const problems = floorViolations(bad);
    expect(problems).toContainEqual(expect.stringContaining("payments (floor 5) imports checkout (floor 6)"));
    expect(problems).toContainEqual(expect.stringContaining("lib/server/reports has no floor"));
  });
});
