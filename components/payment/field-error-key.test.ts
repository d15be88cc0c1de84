import { describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n";
import { fieldErrorKey } from "./field-error-key";

describe("fieldErrorKey", () => {
  it("names a catalogue message for every field the forms show, in both languages", () => {
    const paths = [
      "amount",
      "currency",
      "reference",
      "phone",
      "network",
      ...["firstname", "lastname", "email", "address", "city", "state", "postcode", "country"].map(
        (f) => `customer.${f}`,
      ),
    ];
    for (const path of paths) {
      const key = fieldErrorKey(path);
      expect(key, path).not.toBe("fieldErrors.other");
      for (const locale of ["en", "sw"] as const) expect(translate(locale, key)).not.toBe(key);
    }
  });

  it("uses the mobile-money wording for a mobile phone and a generic one for unknown paths", () => {
    expect(fieldErrorKey("phone", "mobile")).toBe("fieldErrors.mobilePhone");
    expect(fieldErrorKey("phone", "dynamic-qr")).toBe("fieldErrors.phone");
    expect(fieldErrorKey("customer.shoe_size")).toBe("fieldErrors.other");
    expect(fieldErrorKey("metadata.x")).toBe("fieldErrors.other");
  });
});
