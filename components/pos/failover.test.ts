import { describe, expect, it } from "vitest";
import { failoverOption, hasEveryField } from "./failover";

const methods = [
  { provider: "paygrid", method: "dynamic-qr", configured: true },
  { provider: "paygrid", method: "mobile", configured: true },
  { provider: "splashpay", method: "tanqr", configured: true },
] as const;

describe("one-tap failover", () => {
  it("offers TANQR for a PayGrid QR and a PayGrid QR for a TANQR", () => {
    expect(failoverOption(methods[0], [...methods], "TZS")?.method).toBe("tanqr");
    expect(failoverOption(methods[2], [...methods], "TZS")?.method).toBe("dynamic-qr");
  });

  it("offers nothing for other methods, an unconfigured provider or a currency TANQR does not take", () => {
    expect(failoverOption(methods[1], [...methods], "TZS")).toBeNull();
    expect(failoverOption(methods[0], [...methods], "USD")).toBeNull();
    const off = [methods[0], { ...methods[2], configured: false }];
    expect(failoverOption(methods[0], off, "TZS")).toBeNull();
  });

  it("knows when the typed details already suffice", () => {
    const named = { firstname: "Asha", lastname: "Mushi", email: "asha@example.com", phone: "0712345678" };
    expect(hasEveryField("dynamic-qr", named)).toBe(true);
    expect(hasEveryField("tanqr", named)).toBe(false);
    const billed = {
      ...named,
      address: "Bwawani",
      city: "Dodoma",
      state: "Dodoma",
      postcode: "67116",
      country: "TZ",
    };
    expect(hasEveryField("tanqr", billed)).toBe(true);
  });
});
