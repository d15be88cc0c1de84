import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import sw from "@/messages/sw.json";
import { translate, type Locale } from "./i18n";
import { PAYMENT_METHODS, SALE_METHODS, type PaymentMethod } from "./payment-methods";

// docs/glossary.md is the source of the words the catalogues may not use: its "Retired words" table is read
// here, so retiring a word is one row in the document and the test enforces it from then on.

const GLOSSARY = readFileSync(path.resolve(import.meta.dirname, "../docs/glossary.md"), "utf8");
const CATALOGUES: Record<Locale, unknown> = { en, sw };

interface Retired {
  term: string;
  locale: Locale;
  wholeWord: boolean;
}

function retiredWords(markdown: string): Retired[] {
  const section = markdown.split(/^## Retired words$/m)[1]?.split(/^## /m)[0] ?? "";
  return section
    .split("\n")
    .map((line) => /^\|\s*`([^`]+)`\s*\|\s*(en|sw)\s*\|\s*(part of a word|whole word)\s*\|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, term, locale, match]) => ({
      term: term!,
      locale: locale as Locale,
      wholeWord: match === "whole word",
    }));
}

function strings(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    strings(v, prefix ? `${prefix}.${k}` : k),
  );
}

function pattern({ term, wholeWord }: Retired): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(wholeWord ? `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])` : escaped, "iu");
}

const retired = retiredWords(GLOSSARY);

describe("docs/glossary.md retired words", () => {
  it("are listed, with the words the Kiswahili reading retired first", () => {
    expect(retired.map((r) => r.term)).toEqual(expect.arrayContaining(["changanua", "pochi"]));
    expect(retired.filter((r) => r.locale === "en").length).toBeGreaterThanOrEqual(5);
    expect(retired.filter((r) => r.locale === "sw").length).toBeGreaterThanOrEqual(10);
  });

  it("match the way the table says", () => {
    const whole = pattern({ term: "hai", locale: "sw", wholeWord: true });
    expect(whole.test("malipo hai yanayotumia")).toBe(true);
    expect(whole.test("Kaunta hii haiko wazi")).toBe(false);
    const part = pattern({ term: "changanua", locale: "sw", wholeWord: false });
    expect(part.test("Mteja anachanganua QR")).toBe(true);
  });

  for (const word of retired) {
    it(`"${word.term}" appears nowhere in messages/${word.locale}.json`, () => {
      const hits = strings(CATALOGUES[word.locale])
        .filter(([, text]) => pattern(word).test(text))
        .map(([key, text]) => `${key}: ${text}`);
      expect(hits).toEqual([]);
    });
  }
});

// The expired outcome and the mismatched-QR box name what ran out and how to start again for the payment's
// own method: a QR is not a PIN prompt, and "New QR" on a mobile-money payment would mislead the cashier.
const NAMES: Record<Locale, Record<PaymentMethod, RegExp>> = {
  en: { "dynamic-qr": /(?<!TAN)QR\b/, mobile: /\bprompt\b/i, card: /\bcard\b/i, tanqr: /\bTANQR\b/ },
  sw: { "dynamic-qr": /(?<!TAN)QR\b/, mobile: /\bombi\b/i, card: /\bkadi\b/i, tanqr: /\bTANQR\b/ },
};

describe("the expired outcome, per method", () => {
  it("covers every method the register offers", () => {
    // Cash is offered too, but is recorded at once: it has no time to pay to run out.
    expect(Object.keys(en.methods.short).sort()).toEqual([...SALE_METHODS].sort());
  });

  for (const locale of ["en", "sw"] as const) {
    it(`names the method in its heading and its next-attempt button [${locale}]`, () => {
      for (const method of PAYMENT_METHODS) {
        for (const key of [`outcome.expiredTitle.${method}`, `methods.again.${method}`] as const) {
          const text = translate(locale, key);
          expect(text, key).toMatch(NAMES[locale][method]);
          for (const other of PAYMENT_METHODS.filter((m) => m !== method)) {
            expect(text, `${key} names ${other}`).not.toMatch(NAMES[locale][other]);
          }
        }
      }
    });
  }
});
