import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import sw from "@/messages/sw.json";
import { localeFromAcceptLanguage, translate } from "./i18n";

function keys(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("have exactly the same keys in Kiswahili and English", () => {
    expect(keys(sw).sort()).toEqual(keys(en).sort());
  });

  it("use the same {placeholders} in both languages", () => {
    const at = (catalogue: unknown, key: string) =>
      key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], catalogue) as string;
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys(en)) {
      expect(names(at(sw, key)), key).toEqual(names(at(en, key)));
    }
  });

  it("have no empty strings", () => {
    for (const catalogue of [en, sw]) {
      for (const key of keys(catalogue)) {
        const value = key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], catalogue);
        expect(value, key).toMatch(/\S/);
      }
    }
  });
});

describe("translate", () => {
  it("looks up nested keys per locale", () => {
    expect(translate("en", "home.title")).toBe("Take a payment");
    expect(translate("sw", "home.title")).toBe("Pokea malipo");
  });
});

describe("localeFromAcceptLanguage", () => {
  it("prefers the first language it knows and defaults to Kiswahili", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("sw-TZ,en;q=0.5")).toBe("sw");
    expect(localeFromAcceptLanguage("fr-FR")).toBe("sw");
    expect(localeFromAcceptLanguage(null)).toBe("sw");
  });
});
