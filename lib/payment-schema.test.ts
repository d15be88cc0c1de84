import { describe, expect, it } from "vitest";
import { createPaymentSchema, networkToSend } from "./payment-schema";
import { minimumChargeMinor } from "./payment-methods";

// PayGrid's rules applied before any provider call: its 500 TZS minimum on every method, and `network`
// sent for mobile money only, and only when it is known.

const customer = { firstname: "Asha", lastname: "Mushi", email: "asha@example.com" };
const billing = {
  ...customer,
  address: "Plot 12, Samora Avenue",
  city: "Dar es Salaam",
  state: "Dar es Salaam",
  postcode: "11101",
  country: "TZ",
};

function sale(method: "dynamic-qr" | "mobile" | "card", amount: string, extra: Record<string, unknown> = {}) {
  return {
    provider: "paygrid",
    method,
    amount,
    currency: "TZS",
    phone: "0712 345 678",
    customer: method === "card" ? billing : customer,
    ...extra,
  };
}

function amountError(input: unknown): string | undefined {
  const result = createPaymentSchema.safeParse(input);
  if (result.success) return undefined;
  return result.error.issues.find((i) => i.path.join(".") === "amount")?.message;
}

describe("PayGrid's 500 TZS minimum", () => {
  it.each(["dynamic-qr", "mobile", "card"] as const)(
    "%s: 499 TZS is refused on the amount field",
    (method) => {
      expect(amountError(sale(method, "499"))).toBe("PayGrid takes at least 500 TZS.");
      expect(amountError(sale(method, "499.99"))).toBe("PayGrid takes at least 500 TZS.");
    },
  );

  it.each(["dynamic-qr", "mobile", "card"] as const)("%s: exactly 500 TZS is taken", (method) => {
    const result = createPaymentSchema.safeParse(sale(method, "500"));
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.amountMinor).toBe(50_000);
  });

  it("is a TZS rule: other currencies and TANQR have no such minimum", () => {
    expect(minimumChargeMinor("dynamic-qr", "USD")).toBeUndefined();
    expect(minimumChargeMinor("card", "KES")).toBeUndefined();
    expect(minimumChargeMinor("tanqr", "TZS")).toBeUndefined();
    expect(amountError({ ...sale("card", "1"), currency: "USD" })).toBeUndefined();
  });
});

describe("the network sent to PayGrid", () => {
  it("mobile money: the detected network of a known prefix", () => {
    const result = createPaymentSchema.parse(sale("mobile", "5000", { phone: "0752 000 000" }));
    expect(result.network).toBe("vodacom");
  });

  it("mobile money: the cashier's choice wins over the prefix", () => {
    const result = createPaymentSchema.parse(
      sale("mobile", "5000", { phone: "0752 000 000", network: "Airtel" }),
    );
    expect(result.network).toBe("airtel");
  });

  it("mobile money: an unknown prefix sends none, so PayGrid detects it", () => {
    const result = createPaymentSchema.parse(sale("mobile", "5000", { phone: "0772 000 000" }));
    expect(result.phone).toBe("255772000000");
    expect(result.network).toBeUndefined();
  });

  it.each(["dynamic-qr", "card"] as const)("%s: never sent, even when given or detectable", (method) => {
    const result = createPaymentSchema.parse(
      sale(method, "5000", { phone: "0752 000 000", network: "tigo" }),
    );
    expect(result.network).toBeUndefined();
  });

  it("networkToSend is the rule on its own", () => {
    expect(networkToSend("mobile", "255682000000", undefined)).toBe("airtel");
    expect(networkToSend("mobile", "255700000001", undefined)).toBeUndefined();
    expect(networkToSend("mobile", "255700000001", "ttcl")).toBe("ttcl");
    expect(networkToSend("dynamic-qr", "255682000000", "airtel")).toBeUndefined();
    expect(networkToSend("tanqr", "255682000000", undefined)).toBeUndefined();
  });
});
