import en from "@/messages/en.json";
import sw from "@/messages/sw.json";
import { formatMessage, type Locale, type MessageKey, type Messages } from "@/lib/i18n-base";

// Every visible string comes from these catalogues; a unit test keeps their keys identical. Server code
// translates here; browser code gets one language's catalogue from the server (lib/i18n-base.ts).

// Re-exported so server code keeps one import for the language rules and the catalogues.
export {
  DEFAULT_LOCALE,
  isLocale,
  LOCALE_COOKIE,
  LOCALES,
  localeFromAcceptLanguage,
  type Locale,
  type MessageKey,
  type Messages,
} from "@/lib/i18n-base";

const catalogues: Record<Locale, Messages> = { en, sw };

/** The whole catalogue of one language, for the browser's I18nProvider. */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

export function translate(
  locale: Locale,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  return formatMessage(catalogues[locale], key, vars);
}
