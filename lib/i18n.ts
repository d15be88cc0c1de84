import en from "@/messages/en.json";
import sw from "@/messages/sw.json";

// Every visible string comes from these catalogues; a unit test keeps their keys identical.

export const LOCALES = ["sw", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "sw";
export const LOCALE_COOKIE = "malipo-locale";

const catalogues: Record<Locale, unknown> = { en, sw };

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<typeof en>;

export function isLocale(value: string | undefined | null): value is Locale {
  return value === "sw" || value === "en";
}

/** Picks sw or en from an Accept-Language header; Kiswahili when the browser asks for neither. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag.startsWith("sw")) return "sw";
    if (tag.startsWith("en")) return "en";
  }
  return DEFAULT_LOCALE;
}

export function translate(
  locale: Locale,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  let node: unknown = catalogues[locale];
  for (const part of key.split(".")) {
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== "string") return key;
  return node.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
