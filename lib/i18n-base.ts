import type en from "@/messages/en.json";

// The language rules without the catalogues themselves: browser code imports this, so a page ships only
// the catalogue of the language it is shown in (handed down by the server), never both. lib/i18n.ts adds
// the catalogues for server code.

export const LOCALES = ["sw", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "sw";
export const LOCALE_COOKIE = "malipo-locale";

/** One language's catalogue (messages/en.json and messages/sw.json have the same keys: lib/i18n.test.ts). */
export type Messages = typeof en;

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

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

/** The message at `key` in `messages` with its {placeholders} filled; the key itself when there is none. */
export function formatMessage(
  messages: Messages,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== "string") return key;
  return node.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
